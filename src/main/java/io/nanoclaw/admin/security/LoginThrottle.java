package io.nanoclaw.admin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed log-ins, in memory (a restart forgets them). A user name with {@link LoginProperties#maxFailures()} failures
 * within the window is locked for {@link LoginProperties#lockout()}, whether or not an account has that name. A client
 * address with more than {@link LoginProperties#addressFreeFailures()} failures must wait before its next try, longer
 * after each further failure. Attempts refused for either reason do not count as failures: their password is never
 * checked. At most {@value #MAX_TRACKED} user names and as many addresses are kept, the least recently seen forgotten
 * first.
 */
class LoginThrottle {

    static final int MAX_TRACKED = 10_000;
    /** A user name has at most 64 characters: longer ones are told apart by their first 65. */
    private static final int MAX_KEY = 65;

    enum Reason {
        /** The user name has failed too often; its lock lasts {@code remaining} more. */
        USER_LOCKED,
        /** The client address has failed too often; it may try again in {@code remaining}. */
        ADDRESS_SLOWED
    }

    /** Why an attempt is refused before its password is checked. */
    record Refusal(Reason reason, Duration remaining) {
    }

    /**
     * What a failure led to.
     *
     * @param recentFailures the user name's failures within the window, this one included
     * @param lockedNow whether this failure locked the user name
     */
    record Failure(int recentFailures, boolean lockedNow) {
    }

    private static final class Tracked {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        /** A user name: locked until then. An address: its next try is taken from then on. */
        Instant blockedUntil;
    }

    private final LoginProperties settings;
    private final Clock clock;
    private final Map<String, Tracked> users = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Tracked> addresses = new LinkedHashMap<>(16, 0.75f, true);

    @Autowired
    LoginThrottle(LoginProperties settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    LoginProperties settings() {
        return settings;
    }

    /** Empty when the attempt may go on to its password check. */
    synchronized Optional<Refusal> check(String username, String address) {
        Instant now = clock.instant();
        Tracked user = users.get(userKey(username));
        if (user != null && user.blockedUntil != null && now.isBefore(user.blockedUntil)) {
            return Optional.of(new Refusal(Reason.USER_LOCKED, Duration.between(now, user.blockedUntil)));
        }
        Tracked from = addresses.get(addressKey(address));
        if (from != null && from.blockedUntil != null && now.isBefore(from.blockedUntil)) {
            return Optional.of(new Refusal(Reason.ADDRESS_SLOWED, Duration.between(now, from.blockedUntil)));
        }
        return Optional.empty();
    }

    /** Counts a wrong user name or password. */
    synchronized Failure failed(String username, String address) {
        Instant now = clock.instant();
        Tracked user = track(users, userKey(username), now);
        if (user.blockedUntil != null && !now.isBefore(user.blockedUntil)) {
            user.blockedUntil = null;
        }
        forgetOld(user, now);
        user.failures.addLast(now);
        int recent = user.failures.size();
        boolean lockedNow = recent >= settings.maxFailures();
        if (lockedNow) {
            user.blockedUntil = now.plus(settings.lockout());
            user.failures.clear();
        }

        Tracked from = track(addresses, addressKey(address), now);
        forgetOld(from, now);
        from.failures.addLast(now);
        int beyond = from.failures.size() - settings.addressFreeFailures();
        if (beyond > 0) {
            from.blockedUntil = now.plus(addressDelay(beyond));
        }
        return new Failure(recent, lockedNow);
    }

    /** A successful log-in starts its user name afresh; the address keeps its count until the window passes. */
    synchronized void succeeded(String username) {
        users.remove(userKey(username));
    }

    private Duration addressDelay(int beyond) {
        Duration delay = settings.addressDelay().multipliedBy(1L << Math.min(beyond - 1, 20));
        return delay.compareTo(settings.addressMaxDelay()) > 0 ? settings.addressMaxDelay() : delay;
    }

    private void forgetOld(Tracked tracked, Instant now) {
        Instant oldest = now.minus(settings.failureWindow());
        while (!tracked.failures.isEmpty() && !tracked.failures.peekFirst().isAfter(oldest)) {
            tracked.failures.removeFirst();
        }
    }

    private Tracked track(Map<String, Tracked> map, String key, Instant now) {
        Tracked tracked = map.get(key);
        if (tracked != null) {
            return tracked;
        }
        if (map.size() >= MAX_TRACKED) {
            for (Iterator<Tracked> it = map.values().iterator(); it.hasNext();) {
                Tracked old = it.next();
                forgetOld(old, now);
                if (old.failures.isEmpty() && (old.blockedUntil == null || !now.isBefore(old.blockedUntil))) {
                    it.remove();
                }
            }
            Iterator<Tracked> eldest = map.values().iterator();
            while (map.size() >= MAX_TRACKED && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        tracked = new Tracked();
        map.put(key, tracked);
        return tracked;
    }

    /** Account names are unique regardless of case, so counts are too. */
    private static String userKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private static String addressKey(String address) {
        return address == null ? "" : address;
    }
}
