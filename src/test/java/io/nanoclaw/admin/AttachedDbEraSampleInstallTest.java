package io.nanoclaw.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running service attached to a copy of the DB-config era's sample install, shared by the test classes that extend this (one
 * Spring context for all of them). The admin password and an OPERATOR token are known to the tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class AttachedDbEraSampleInstallTest {

    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String OPERATOR_TOKEN = "test-operator-token";

    protected static final Path INSTALL;
    protected static final Path DATA_DIR;

    static {
        try {
            Path temp = Files.createTempDirectory("nanoclaw-admin-attached-db-era");
            INSTALL = SampleInstall.copyDbEraTo(temp.resolve("install"));
            DATA_DIR = temp.resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void attachToTheCopy(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", INSTALL::toString);
        registry.add("nanoclaw.data-dir", DATA_DIR::toString);
        registry.add("nanoclaw.admin.password", () -> ADMIN_PASSWORD);
        registry.add("nanoclaw.admin.token", () -> OPERATOR_TOKEN);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
