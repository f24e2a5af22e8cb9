package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The counting behind the log-in form, on a clock the test moves. */
class LoginThrottleTest {

    static final LoginProperties DEFAULTS = new LoginProperties(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 10,
            Duration.ofSeconds(1), Duration.ofMinutes(1));

    final MovingClock clock = new MovingClock();
    final LoginThrottle throttle = new LoginThrottle(DEFAULTS, clock);

    @Test
    void theFifthFailureWithinTheWindowLocksTheUserNameFromEveryAddress() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("alice", "10.0.0." + i)).isEqualTo(new LoginThrottle.Failure(i, false));
            assertThat(throttle.check("alice", "10.0.0.9")).isEmpty();
        }

        assertThat(throttle.failed("alice", "10.0.0.5").lockedNow()).isTrue();

        assertThat(throttle.check("alice", "192.168.1.1")).hasValueSatisfying(refusal -> {
            assertThat(refusal.reason()).isEqualTo(LoginThrottle.Reason.USER_LOCKED);
            assertThat(refusal.remaining()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(throttle.check("bob", "10.0.0.5")).as("other user names are not locked").isEmpty();
    }

    @Test
    void aLockLastsItsPeriodAndThenTheCountStartsAfresh() {
        lock("carol");
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.check("carol", "10.0.0.1")).hasValueSatisfying(
                refusal -> assertThat(refusal.remaining()).isEqualTo(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5));

        assertThat(throttle.check("carol", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("carol", "10.0.0.1")).isEqualTo(new LoginThrottle.Failure(1, false));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dave", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(throttle.failed("dave", "10.0.0.1")).isEqualTo(new LoginThrottle.Failure(1, false));
        assertThat(throttle.check("dave", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessfulLogInStartsTheUserNameAfresh() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("erin", "10.0.0.1");
        }
        throttle.succeeded("erin");

        assertThat(throttle.failed("erin", "10.0.0.1")).isEqualTo(new LoginThrottle.Failure(1, false));
    }

    @Test
    void aUserNameIsCountedWhateverItsCaseAndSurroundingSpaces() {
        throttle.failed("Frank", "10.0.0.1");
        throttle.failed("FRANK", "10.0.0.1");
        throttle.failed(" frank ", "10.0.0.1");
        throttle.failed("frank", "10.0.0.1");
        throttle.failed("fRaNk", "10.0.0.1");

        assertThat(throttle.check("frank", "10.0.0.2")).isPresent();
    }

    @Test
    void anAddressIsSlowedAfterItsFreeFailuresTwiceAsLongEachTimeUpToTheLongestWait() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "10.9.9.9");
            assertThat(throttle.check("someone", "10.9.9.9")).as("failure %d is free", i + 1).isEmpty();
        }

        throttle.failed("user10", "10.9.9.9");
        assertThat(throttle.check("someone", "10.9.9.9")).hasValueSatisfying(refusal -> {
            assertThat(refusal.reason()).isEqualTo(LoginThrottle.Reason.ADDRESS_SLOWED);
            assertThat(refusal.remaining()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(throttle.check("someone", "10.9.9.8")).as("other addresses go on").isEmpty();

        Duration[] expected = {Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofMinutes(1), Duration.ofMinutes(1)};
        for (Duration wait : expected) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.check("someone", "10.9.9.9")).isEmpty();
            throttle.failed("someone-" + wait, "10.9.9.9");
            assertThat(throttle.check("someone", "10.9.9.9")).map(LoginThrottle.Refusal::remaining).hasValue(wait);
        }
    }

    @Test
    void onlyAFailureCountsNotARefusedAttempt() {
        lock("grace");
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.check("grace", "10.0.0.1")).isPresent();
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed("other" + i, "10.0.0.1");
        }
        assertThat(throttle.check("someone", "10.0.0.1")).as("5 failures from this address, 10 are free").isEmpty();
    }

    @Test
    void aFloodOfUserNamesIsForgottenOldestFirstAndKeepsMemoryBounded() {
        lock("heidi");
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 50; i++) {
            throttle.failed("flood-" + i, "10.0.0." + (i % 200));
        }

        assertThat(throttle.check("heidi", "10.1.1.1")).as("the eldest entry was forgotten").isEmpty();
        assertThat(throttle.failed("flood-" + (LoginThrottle.MAX_TRACKED + 49), "10.1.1.1").recentFailures())
                .as("the newest is kept").isEqualTo(2);
    }

    private void lock(String username) {
        for (int i = 0; i < 5; i++) {
            throttle.failed(username, "10.0.0.1");
        }
        assertThat(throttle.check(username, "10.0.0.1")).isPresent();
    }

    static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-05-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
