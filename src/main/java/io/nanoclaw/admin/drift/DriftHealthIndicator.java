package io.nanoclaw.admin.drift;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code drift} component of {@code /actuator/health}: DOWN while any group is BROKEN (a container will not start
 * as configured), UP otherwise, even with DRIFTED groups (they run, with the wrong provider); UNKNOWN before the first
 * scan. The details carry the counts.
 */
@Component("drift")
class DriftHealthIndicator extends AbstractHealthIndicator {

    private final DriftService drift;

    DriftHealthIndicator(DriftService drift) {
        this.drift = drift;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        drift.latestIfScanned().ifPresentOrElse(report -> {
            DriftSummary summary = report.summary();
            (summary.broken() > 0 ? builder.down() : builder.up())
                    .withDetail("scannedAt", report.scannedAt().toString())
                    .withDetail("groups", summary.groups())
                    .withDetail("aligned", summary.aligned())
                    .withDetail("drifted", summary.drifted())
                    .withDetail("broken", summary.broken())
                    .withDetail("findings", summary.findings());
        }, () -> builder.unknown().withDetail("reason", "no scan has run yet"));
    }
}
