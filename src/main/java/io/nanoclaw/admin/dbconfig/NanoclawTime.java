package io.nanoclaw.admin.dbconfig;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as NanoClaw writes them: ISO-8601 UTC with milliseconds, {@code 2026-05-10T08:00:00.000Z}. */
public final class NanoclawTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private NanoclawTime() {
    }

    public static String now(Clock clock) {
        return FORMAT.format(clock.instant());
    }
}
