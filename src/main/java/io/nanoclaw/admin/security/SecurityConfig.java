package io.nanoclaw.admin.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.audit.AuditService;

/**
 * Three doors: {@code /api/**} takes bearer tokens only (stateless, no CSRF: no cookies are honoured there);
 * {@code /actuator/prometheus} takes a bearer token of any role (or anybody with {@code nanoclaw.metrics.open=true});
 * everything else is the UI with form login (throttled by {@link LoginGuard}), a session and CSRF on every form.
 * Reading needs VIEWER, changing needs OPERATOR; tokens and accounts (the API's and the Access page) need OPERATOR even
 * to read. Every answer carries {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AdminProperties.class, LoginProperties.class, MetricsProperties.class})
public class SecurityConfig {

    static final String PROMETHEUS = "/actuator/prometheus";
    static final String HEALTH = "/actuator/health";

    @Bean
    LoginThrottle loginThrottle(LoginProperties settings) {
        return new LoginThrottle(settings);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, JsonMapper jsonMapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/tokens/**", "/api/operators/**").hasRole(Role.OPERATOR.name())
                        // A kept container.json version is raw text, MCP secrets included: operators only.
                        .requestMatchers("/api/groups/*/container-config/history/*").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders.forFilterChain());
        return http.build();
    }

    /** Metrics for a scraper: a bearer token of any role, unless {@code nanoclaw.metrics.open=true}. */
    @Bean
    @Order(2)
    SecurityFilterChain metricsChain(HttpSecurity http, ApiTokenService tokens, JsonMapper jsonMapper,
            MetricsProperties metrics) throws Exception {
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        http.securityMatcher(PROMETHEUS, PROMETHEUS + "/**", HEALTH, HEALTH + "/**")
                .authorizeHttpRequests(requests -> {
                    // Health answers anybody (a probe), with its details only for a token (show-details).
                    requests.requestMatchers(HEALTH, HEALTH + "/**").permitAll();
                    if (metrics.open()) {
                        requests.anyRequest().permitAll();
                    } else {
                        requests.anyRequest().authenticated();
                    }
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders.forFilterChain());
        http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, SessionRegistry sessionRegistry, UserDetailsService users,
            PasswordEncoder encoder, LoginThrottle throttle, AuditService audit,
            ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        ProviderManager logins = new ProviderManager(new LoginGuard(passwords, throttle, audit));
        events.ifAvailable(logins::setAuthenticationEventPublisher);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/access/**", "/notifications/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .authenticationManager(logins)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .headers(SecurityHeaders.forFilterChain())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Known sessions, so that deleting an account ends its sessions at once.
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredUrl("/login"));
        return http.build();
    }

    /** The same headers on what Tomcat answers before any filter chain runs (413 for a body too large, its own 400s). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityHeadersOnEveryAnswer() {
        return factory -> factory.addEngineValves(new SecurityHeaders.Valve());
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so it forgets it. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.OPERATOR.name()).implies(Role.VIEWER.name()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
