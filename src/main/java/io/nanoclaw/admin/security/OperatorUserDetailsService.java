package io.nanoclaw.admin.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Form login against the operators of the admin store. */
@Service
class OperatorUserDetailsService implements UserDetailsService {

    private final OperatorRepository operators;

    OperatorUserDetailsService(OperatorRepository operators) {
        this.operators = operators;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Operator operator = operators.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No operator named " + username));
        return User.withUsername(operator.username())
                .password(operator.passwordHash())
                .authorities(operator.role().authority())
                .build();
    }
}
