package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * Gauges updated after every scan: {@code nanoclaw_drift_groups{status}} and
 * {@code nanoclaw_drift_findings{kind,severity}} (every kind and severity, zeros included, so alerts can rely on them).
 */
@Component
class DriftMetrics implements Consumer<DriftReport> {

    private final MultiGauge groups;
    private final MultiGauge findings;

    DriftMetrics(MeterRegistry registry) {
        this.groups = MultiGauge.builder("nanoclaw.drift.groups").description("Groups by drift status at the last scan")
                .register(registry);
        this.findings = MultiGauge.builder("nanoclaw.drift.findings")
                .description("Findings by kind and severity at the last scan").register(registry);
    }

    @Override
    public void accept(DriftReport report) {
        Map<GroupStatus, Integer> byStatus = new EnumMap<>(GroupStatus.class);
        for (GroupStatus status : GroupStatus.values()) {
            byStatus.put(status, 0);
        }
        report.groups().forEach(group -> byStatus.merge(group.status(), 1, Integer::sum));
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        byStatus.forEach((status, count) -> statusRows.add(MultiGauge.Row.of(Tags.of("status", status.name()), count)));
        groups.register(statusRows, true);

        Map<String, Integer> byKind = new HashMap<>();
        for (FindingKind kind : FindingKind.ofEra(report.era())) {
            for (Severity severity : Severity.values()) {
                byKind.put(kind.name() + "/" + severity.name(), 0);
            }
        }
        report.findings().forEach(f -> byKind.merge(f.kind().name() + "/" + f.severity().name(), 1, Integer::sum));
        List<MultiGauge.Row<?>> kindRows = new ArrayList<>();
        byKind.forEach((key, count) -> {
            String[] parts = key.split("/");
            kindRows.add(MultiGauge.Row.of(Tags.of("kind", parts[0], "severity", parts[1]), count));
        });
        findings.register(kindRows, true);
    }
}
