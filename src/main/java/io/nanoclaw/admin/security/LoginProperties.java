package io.nanoclaw.admin.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the log-in form meets repeated failures.
 *
 * @param maxFailures failed log-ins for one user name within {@code failureWindow} that lock it
 * @param failureWindow how long a failure counts
 * @param lockout how long a locked user name stays locked: no log-in, the right password included
 * @param addressFreeFailures failed log-ins from one client address within {@code failureWindow} before it is slowed
 * @param addressDelay the wait after the first failure beyond {@code addressFreeFailures}; it doubles with each further
 *        failure
 * @param addressMaxDelay the longest such wait
 */
@ConfigurationProperties("nanoclaw.login")
public record LoginProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("10") int addressFreeFailures,
        @DefaultValue("1s") Duration addressDelay,
        @DefaultValue("1m") Duration addressMaxDelay) {

    public LoginProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("nanoclaw.login.max-failures must be 1 or more, not " + maxFailures);
        }
        if (addressFreeFailures < 0) {
            throw new IllegalArgumentException(
                    "nanoclaw.login.address-free-failures must be 0 or more, not " + addressFreeFailures);
        }
        for (Duration duration : new Duration[] {failureWindow, lockout, addressDelay, addressMaxDelay}) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("nanoclaw.login durations must not be negative: " + duration);
            }
        }
    }
}
