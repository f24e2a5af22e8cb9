package io.nanoclaw.admin.upgrade;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallEra;

/**
 * Previews the next start of a DB-era NanoClaw host on this install: reads every group row and each group's
 * container.json (as the back-fill would), judges them, writes nothing. Orphan folders are never read: the back-fill
 * only visits groups.
 */
@Service
public class UpgradePreviewService {

    static final String GROUPS_SQL = "SELECT id, name, folder, agent_provider FROM agent_groups ORDER BY name";
    static final String GROUPS_WITHOUT_ROW_SQL = "SELECT g.id, g.name, g.folder, g.agent_provider FROM agent_groups g"
            + " WHERE NOT EXISTS (SELECT 1 FROM container_configs c WHERE c.agent_group_id = g.id) ORDER BY g.name";
    /** NanoClaw's {@code new Date().toISOString()}: always milliseconds. */
    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final ContainerConfigStore configs;
    private final DetectedEra era;
    private final Clock clock = Clock.systemUTC();

    public UpgradePreviewService(DataSource dataSource, ContainerConfigStore configs, DetectedEra era) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.configs = configs;
        this.era = era;
    }

    public UpgradeReport preview() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String now = ISO_MILLIS.format(at);
        InstallEra installEra = era.era();
        List<UpgradeGroup> groups = installEra.isDbConfig()
                ? groups(GROUPS_WITHOUT_ROW_SQL).stream()
                        .map(group -> UpgradePreview.nextBackfill(group, read(group), now)).toList()
                : groups(GROUPS_SQL).stream().map(group -> UpgradePreview.judge(group, read(group), now)).toList();
        return UpgradeReport.of(installEra, at, groups);
    }

    private List<UpgradeGroupInput> groups(String sql) {
        return jdbc.query(sql, (rs, n) -> new UpgradeGroupInput(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4)));
    }

    private ContainerConfigFile read(UpgradeGroupInput group) {
        return group.folder() == null ? null : configs.read(group.folder());
    }
}
