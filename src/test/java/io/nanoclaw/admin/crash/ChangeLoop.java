package io.nanoclaw.admin.crash;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.nanoclaw.admin.NanoclawAdminApplication;
import io.nanoclaw.admin.groups.GroupLifecycleService;
import io.nanoclaw.admin.groups.ProviderEditService;

/**
 * The child JVM of {@link KillDuringChangesTest}: starts the service on an install (recovering what the last kill
 * interrupted), says {@value #READY}, waits for a line on stdin, then makes changes as fast as it can (provider
 * changes, renames, creates, deletes) until it is killed. Its arguments are the service's settings plus
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
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (long n = 0; ; n++) {
            try {
                int dice = random.nextInt(100);
                if (dice < 55) {
                    providers.setGroupProvider(groupId(jdbc, targets.get(random.nextInt(targets.size()))),
                            PROVIDERS[random.nextInt(PROVIDERS.length)], false, "loop " + n);
                } else if (dice < 70) {
                    lifecycle.rename(groupId(jdbc, targets.get(random.nextInt(targets.size()))), "Loop name " + n,
                            false, "loop " + n);
                } else if (dice < 85) {
                    String folder = "crash-" + seed + "-" + n;
                    lifecycle.create("Crash " + n, folder, PROVIDERS[random.nextInt(PROVIDERS.length)], "loop " + n);
                } else {
                    List<String> created = jdbc.queryForList(
                            "SELECT id FROM agent_groups WHERE folder LIKE 'crash-%' ORDER BY id", String.class);
                    if (!created.isEmpty()) {
                        lifecycle.delete(created.get(random.nextInt(created.size())), true, "loop " + n);
                    }
                }
            } catch (RuntimeException refused) {
                // A conflict or a busy DB is an answer, not a crash; the next change goes on.
            }
        }
    }

    private static String groupId(JdbcTemplate jdbc, String folder) {
        return jdbc.queryForObject("SELECT id FROM agent_groups WHERE folder = ?", String.class, folder);
    }
}
