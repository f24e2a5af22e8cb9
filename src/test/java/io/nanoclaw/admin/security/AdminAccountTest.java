package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class AdminAccountTest {

    final OperatorRepository operators = mock(OperatorRepository.class);
    final ApiTokenService tokens = mock(ApiTokenService.class);
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void theFirstStartGeneratesAPasswordPrintsItOnceAndStoresOnlyItsHash(CapturedOutput output) {
        when(operators.findByUsername("admin")).thenReturn(Optional.empty());

        new AdminAccount(operators, tokens, encoder, new AdminProperties(null, null)).afterSingletonsInstantiated();

        Operator saved = saved();
        Matcher printed = Pattern.compile("generated password:\\s+(\\S+)").matcher(output.getOut());
        assertThat(printed.find()).as("the password is printed").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(saved.passwordHash()).doesNotContain(password);
        assertThat(encoder.matches(password, saved.passwordHash())).isTrue();
        assertThat(saved.role()).isEqualTo(Role.OPERATOR);
    }

    @Test
    void laterStartsPrintNoPassword(CapturedOutput output) {
        when(operators.findByUsername("admin")).thenReturn(Optional.of(admin(encoder.encode("whatever"))));

        new AdminAccount(operators, tokens, encoder, new AdminProperties(null, null)).afterSingletonsInstantiated();

        verify(operators, never()).save(any());
        assertThat(output.getOut()).doesNotContain("generated password");
    }

    @Test
    void aPasswordFromTheEnvironmentIsUsedAndNeverPrinted(CapturedOutput output) {
        when(operators.findByUsername("admin")).thenReturn(Optional.empty());

        new AdminAccount(operators, tokens, encoder, new AdminProperties("s3cret-from-env", null))
                .afterSingletonsInstantiated();

        assertThat(encoder.matches("s3cret-from-env", saved().passwordHash())).isTrue();
        assertThat(output.getOut()).doesNotContain("s3cret-from-env").contains("NANOCLAW_ADMIN_PASSWORD");
    }

    @Test
    void aChangedEnvironmentPasswordReplacesTheStoredOne() {
        when(operators.findByUsername("admin")).thenReturn(Optional.of(admin(encoder.encode("old"))));

        new AdminAccount(operators, tokens, encoder, new AdminProperties("new", null)).afterSingletonsInstantiated();

        assertThat(encoder.matches("new", saved().passwordHash())).isTrue();
    }

    @Test
    void aTokenFromTheEnvironmentBecomesTheOperatorTokenAdminEnv() {
        when(operators.findByUsername("admin")).thenReturn(Optional.of(admin(encoder.encode("x"))));

        new AdminAccount(operators, tokens, encoder, new AdminProperties(null, "tok")).afterSingletonsInstantiated();

        verify(tokens).ensure("admin-env", "tok", Role.OPERATOR);
    }

    private Operator saved() {
        ArgumentCaptor<Operator> captor = ArgumentCaptor.forClass(Operator.class);
        verify(operators).save(captor.capture());
        return captor.getValue();
    }

    private static Operator admin(String hash) {
        return new Operator(1L, "admin", hash, Role.OPERATOR, Instant.now());
    }
}
