package io.nanoclaw.admin.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.install.NanoclawRepositoriesConfig;
import io.nanoclaw.admin.install.NanoclawStoreConfig;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionFilter;
import io.nanoclaw.admin.sessions.SessionRepository;
import io.nanoclaw.admin.sessions.SessionService;

/** The repositories over NanoClaw's tables give the same answers on a real SQLite install and on the H2 demo. */
class NanoclawRepositoriesTest {

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    @DataJdbcTest
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
    @Import({NanoclawStoreConfig.class, NanoclawRepositoriesConfig.class})
    class OnTheSampleSqliteInstall extends Checks {

        static final Path TEMP = tempDir("nanoclaw-repo-sqlite");

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            registry.add("nanoclaw.install-root", () -> SampleInstall.copyTo(TEMP.resolve("install")).toString());
            registry.add("nanoclaw.data-dir", () -> TEMP.resolve("data").toString());
            registry.add("nanoclaw.demo-era", () -> "file");
        }
    }

    @Nested
    @DataJdbcTest
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
    @Import({NanoclawStoreConfig.class, NanoclawRepositoriesConfig.class})
    class OnTheEmbeddedH2Demo extends Checks {

        static final Path TEMP = tempDir("nanoclaw-repo-h2");

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            registry.add("nanoclaw.data-dir", () -> TEMP.resolve("data").toString());
            registry.add("nanoclaw.demo-era", () -> "file");
        }
    }

    abstract static class Checks {

        @Autowired
        AgentGroupRepository groups;

        @Autowired
        SessionRepository sessions;

        @Autowired
        javax.sql.DataSource dataSource;

        @Test
        void findsGroupRowsWithTheirCounts() {
            GroupRow support = groups.findRow(SampleInstall.SUPPORT_ID);

            assertThat(support.folder()).isEqualTo("support");
            assertThat(support.sessionCount()).isEqualTo(4);
            assertThat(support.overrideCount()).isEqualTo(3);
            assertThat(groups.findRow("nope")).isNull();
        }

        @Test
        void filtersSortsAndPagesGroupRows(@Autowired io.nanoclaw.admin.install.DetectedEra era) {
            GroupModel model = new GroupModel(groups, era);
            Page<GroupRow> page = model.find(GroupFilter.none(), PageRequest.of(1, 4, Sort.by("folder")));

            assertThat(page.getTotalElements()).isEqualTo(SampleInstall.GROUPS);
            assertThat(page.getContent()).extracting(GroupRow::folder).containsExactly("research", "scratch", "support", "travel");
            assertThat(model.find(new GroupFilter("PLANNER", null), PageRequest.of(0, 10)).getContent())
                    .extracting(GroupRow::folder).containsExactly("travel");
            assertThat(model.find(new GroupFilter(null, "opencode"), PageRequest.of(0, 10)).getContent())
                    .extracting(GroupRow::folder).containsExactly("travel");
            assertThat(model.find(GroupFilter.none(), PageRequest.of(0, 3, Sort.by(Sort.Direction.DESC, "overrides")))
                    .getContent()).extracting(GroupRow::folder).first().isEqualTo("support");
        }

        @Test
        void readsGroupAggregates() {
            AgentGroup opsBot = groups.findById(SampleInstall.OPS_BOT_ID).orElseThrow();

            assertThat(opsBot.agentProvider()).isEqualTo("codex");
            assertThat(opsBot.createdAt()).isEqualTo("2026-04-14T10:03:20.000Z");
            assertThat(groups.findAllById(List.of(SampleInstall.OPS_BOT_ID, "nope"))).hasSize(1);
        }

        @Test
        void queriesSessionsByCriteriaWithPaging() {
            SessionService service = new SessionService(sessions, new io.nanoclaw.admin.sessions.SessionModel(
                    org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)));

            Page<Session> overrides = service.list(new SessionFilter(null, "active", true),
                    PageRequest.of(0, 2, Sort.by("agentProvider")));

            assertThat(overrides.getTotalElements()).isEqualTo(3);
            assertThat(overrides.getContent()).extracting(Session::agentProvider).containsExactly("claude", "codex");
            assertThat(service.list(new SessionFilter(SampleInstall.OPS_BOT_ID, null, false), PageRequest.of(1, 2))
                    .getContent()).hasSize(1);
        }
    }
}
