package io.nanoclaw.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.drift.DriftService;

/**
 * A running service on its own copy of the sample install, for tests that change it: before each test the rows and the
 * group folders are put back as the sample has them (through the service's own DataSource, which stays open), and the
 * drift report is rescanned.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class EditableSampleInstallTest {

    public static final String OPERATOR_TOKEN = "edit-operator-token";
    protected static final Path INSTALL;

    static {
        try {
            INSTALL = SampleInstall.copyTo(Files.createTempDirectory("nanoclaw-admin-editable").resolve("install"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void attachToTheCopy(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", INSTALL::toString);
        registry.add("nanoclaw.data-dir", () -> INSTALL.resolveSibling("data").toString());
        registry.add("nanoclaw.admin.token", () -> OPERATOR_TOKEN);
        registry.add("nanoclaw.scan-interval", () -> "1h");
        registry.add("nanoclaw.sqlite-busy-timeout", () -> "300ms");
        registry.add("nanoclaw.notify.backoff", () -> "50ms");
    }

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected DriftService drift;

    @BeforeEach
    void putTheSampleBack() throws Exception {
        SampleInstall.putBack(dataSource, SampleInstall.original(), INSTALL, FILE_ERA_TABLES);
        drift.scan();
    }

    /** NanoClaw's tables of the file-era sample, parents first. */
    static final java.util.List<String> FILE_ERA_TABLES = java.util.List.of("messaging_groups", "agent_groups",
            "messaging_group_agents", "sessions");

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String read(String relative) {
        try {
            return Files.readString(INSTALL.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
