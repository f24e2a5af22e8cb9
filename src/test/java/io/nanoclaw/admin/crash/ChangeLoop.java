package io.nanoclaw.admin.crash;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.NanoclawAdminApplication;
import io.nanoclaw.admin.containerconfig.ConfigEditService;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.dbconfig.ContainerConfigRow;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.dbconfig.RowFileVersion;
import io.nanoclaw.admin.drift.Fix;
import io.nanoclaw.admin.drift.FixService;
import io.nanoclaw.admin.groups.GroupLifecycleService;
import io.nanoclaw.admin.groups.ProviderEditService;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;

/**
 * The child JVM of {@link KillDuringChangesTest}: starts the service on an install (recovering what the last kill
 * interrupted), says {@value #READY}, waits for a line on stdin, then makes changes as fast as it can (provider
 * changes, fixes, merge patches of the config, renames, creates, deletes) until it is killed. Its arguments are the service's settings plus
 * {@code --loop.seed=N} and {@code --loop.targets=folder,folder}.
 */
public final class ChangeLoop {

    static final String READY = "CHANGE-LOOP READY";
    private static final String[] PROVIDERS = {"codex", "claude", "opencode", null};

    private ChangeLoop() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        List<String> targets = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--loop.seed=")) {
                seed = Long.parseLong(arg.substring("--loop.seed=".length()));
            } else if (arg.startsWith("--loop.targets=")) {
                targets.addAll(List.of(arg.substring("--loop.targets=".length()).split(",")));
            } else {
                settings.add(arg);
            }
        }
        ConfigurableApplicationContext context = SpringApplication.run(NanoclawAdminApplication.class,
                settings.toArray(String[]::new));
        System.out.println(READY);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("change-loop", null,
                "ROLE_OPERATOR"));
        loop(context, new Random(seed), targets, seed);
    }

    private static void loop(ConfigurableApplicationContext context, Random random, List<String> targets, long seed) {
        ProviderEditService providers = context.getBean(ProviderEditService.class);
        GroupLifecycleService lifecycle = context.getBean(GroupLifecycleService.class);
        FixService fixes = context.getBean(FixService.class);
        ConfigEditService configs = context.getBean(ConfigEditService.class);
        boolean dbEra = context.getBean(DetectedEra.class).era().isDbConfig();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (long n = 0; ; n++) {
            try {
                int dice = random.nextInt(100);
                if (dice < 40) {
                    providers.setGroupProvider(groupId(jdbc, targets.get(random.nextInt(targets.size()))),
                            PROVIDERS[random.nextInt(PROVIDERS.length)], false, "loop " + n);
                } else if (dice < 50) {
                    fixes.fix(groupId(jdbc, targets.get(random.nextInt(targets.size()))), new FixService.FixRequest(
                            dbEra ? Fix.MATERIALIZE_FROM_DB : Fix.ALIGN_FROM_DB, null, null, false, "loop " + n));
                } else if (dice < 60) {
                    String folder = targets.get(random.nextInt(targets.size()));
                    String provider = PROVIDERS[random.nextInt(PROVIDERS.length - 1)];
                    // The file era's editor writes the file alone, so only the DB era's patch names the provider.
                    ObjectNode patch = JsonNodeFactory.instance.objectNode().put("imageTag", "loop-" + n);
                    if (dbEra) {
                        patch.put("provider", provider);
                    }
                    configs.patch(groupId(jdbc, folder), patch, currentVersion(context, jdbc, folder, dbEra), false,
                            "loop " + n);
                } else if (dice < 72) {
                    lifecycle.rename(groupId(jdbc, targets.get(random.nextInt(targets.size()))), "Loop name " + n,
                            false, "loop " + n);
                } else if (dice < 86) {
                    String folder = "crash-" + seed + "-" + n;
                    lifecycle.create("Crash " + n, folder, PROVIDERS[random.nextInt(PROVIDERS.length)], "loop " + n);
                } else {
                    List<String> created = jdbc.queryForList(
                            "SELECT id FROM agent_groups WHERE folder LIKE 'crash-%' ORDER BY id", String.class);
                    if (!created.isEmpty()) {
                        lifecycle.delete(created.get(random.nextInt(created.size())), true, "loop " + n);
                    }
                }
            } catch (RuntimeException | java.io.IOException refused) {
                // A conflict or a busy DB is an answer, not a crash; the next change goes on.
            }
        }
    }

    /** The version an editor would have read: the file's, and in the DB era the row's with it (the ETag). */
    private static FileVersion currentVersion(ConfigurableApplicationContext context, JdbcTemplate jdbc, String folder,
            boolean dbEra) throws java.io.IOException {
        Path file = context.getBean(InstallLayout.class).groups().root().resolve(folder).resolve("container.json");
        FileVersion fileVersion = Files.exists(file) ? FileVersion.of(Files.readAllBytes(file)) : FileVersion.ABSENT;
        if (!dbEra) {
            return fileVersion;
        }
        ContainerConfigRow row = context.getBean(ContainerConfigRows.class).findByGroupId(groupId(jdbc, folder))
                .orElseThrow();
        return FileVersion.fromEtag(RowFileVersion.of(row, fileVersion).etag());
    }

    private static String groupId(JdbcTemplate jdbc, String folder) {
        return jdbc.queryForObject("SELECT id FROM agent_groups WHERE folder = ?", String.class, folder);
    }
}
