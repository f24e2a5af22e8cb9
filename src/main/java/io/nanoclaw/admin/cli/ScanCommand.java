package io.nanoclaw.admin.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftScanner;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallNotUsableException;
import io.nanoclaw.admin.upgrade.UpgradePreviewService;
import io.nanoclaw.admin.upgrade.UpgradeReport;

/**
 * {@code java -jar nanoclaw-admin.jar scan --nanoclaw.install-root=PATH [--format=text|json] [--upgrade-preview]}: one
 * scan, printed, for cron and CI. Exit 0 when every group is ALIGNED and no finding is above INFO, 2 when something
 * drifted or is broken, 1 when the scan itself failed. With {@code --upgrade-preview}: what the next start of a DB-era
 * NanoClaw host will do (see {@link #usage()}), and the exit code follows that preview alone. No web server, no admin
 * store: only NanoClaw's DB and files, read.
 */
public final class ScanCommand {

    public static final String NAME = "scan";
    static final String UPGRADE_PREVIEW = "--upgrade-preview";
    static final int ALIGNED = 0;
    static final int FAILED = 1;
    static final int DRIFTED = 2;

    private ScanCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String format = "text";
        boolean upgradePreview = false;
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (arg.equals(UPGRADE_PREVIEW)) {
                upgradePreview = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return ALIGNED;
            } else {
                springArgs.add(arg);
            }
        }
        if (!format.equals("text") && !format.equals("json")) {
            err.println("scan: --format must be text or json, not '" + format + "'\n" + usage());
            return FAILED;
        }
        springArgs.add("--logging.config=classpath:logback-cli.xml");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ScanContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(springArgs.toArray(String[]::new))) {
            if (upgradePreview) {
                return previewUpgrade(context, format, out);
            }
            DriftReport report = context.getBean(DriftScanner.class).scan();
            if (format.equals("json")) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(report));
            } else {
                new ScanReportText(out).print(report, context.getBean(InstallLayout.class));
            }
            return report.allAligned() ? ALIGNED : DRIFTED;
        } catch (RuntimeException e) {
            err.println("scan failed: " + describe(e));
            return FAILED;
        }
    }

    /** Exit codes of --upgrade-preview follow the preview alone: the drift findings do not count. */
    private static int previewUpgrade(ConfigurableApplicationContext context, String format, PrintStream out) {
        UpgradeReport upgrade = context.getBean(UpgradePreviewService.class).preview().withSecretsMasked();
        InstallLayout install = context.getBean(InstallLayout.class);
        if (format.equals("json")) {
            DriftReport report = context.getBean(DriftScanner.class).scan();
            out.println(UpgradeReportJson.document(report, upgrade));
        } else {
            new UpgradeReportText(out).print(upgrade, install);
        }
        boolean attention = upgrade.era().isDbConfig() ? !upgrade.failingBackfills().isEmpty()
                : upgrade.needsAttention();
        return attention ? DRIFTED : ALIGNED;
    }

    static String usage() {
        return """
                usage: java -jar nanoclaw-admin.jar scan --nanoclaw.install-root=PATH [--format=text|json]
                                                         [--upgrade-preview]
                  exit 0: every group ALIGNED; 2: something drifted or is broken; 1: the scan failed
                  --upgrade-preview: what the next start of a DB-era NanoClaw host (2.0.48+) will do.
                    Nothing is written. Drift findings do not count for the exit code.
                    file-era install: what the upgrade does to each group (UPGRADE_* codes);
                      exit 2 when any is WARNING or ERROR, 0 when all are INFO or there are none.
                    DB-era install: the groups without a container_configs row, with the row the next
                      host start back-fills for each or the failure that stops that start;
                      exit 2 when a back-fill will fail, else 0.
                    json: the drift document plus "upgrade" (the items; empty in the DB era) and
                      "backfill" (per group: the row or the failure). MCP env values are masked.""";
    }

    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InstallNotUsableException unusable) {
                return unusable.getMessage() + "\n" + unusable.action();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
