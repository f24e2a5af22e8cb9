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
import io.nanoclaw.admin.install.InstallNotUsableException;

/**
 * {@code java -jar nanoclaw-admin.jar scan --nanoclaw.install-root=PATH [--format=text|json]}: one scan, printed, for
 * cron and CI. Exit 0 when every group is ALIGNED and no finding is above INFO, 2 when something drifted or is broken,
 * 1 when the scan itself failed. No web server, no admin store: only NanoClaw's DB and files, read.
 */
public final class ScanCommand {

    public static final String NAME = "scan";
    static final int ALIGNED = 0;
    static final int FAILED = 1;
    static final int DRIFTED = 2;

    private ScanCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String format = "text";
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
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
            DriftReport report = context.getBean(DriftScanner.class).scan();
            if (format.equals("json")) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(report));
            } else {
                new ScanReportText(out).print(report, context.getBean(io.nanoclaw.admin.install.InstallLayout.class));
            }
            return report.allAligned() ? ALIGNED : DRIFTED;
        } catch (RuntimeException e) {
            err.println("scan failed: " + describe(e));
            return FAILED;
        }
    }

    static String usage() {
        return """
                usage: java -jar nanoclaw-admin.jar scan --nanoclaw.install-root=PATH [--format=text|json]
                  exit 0: every group ALIGNED; 2: something drifted or is broken; 1: the scan failed""";
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
