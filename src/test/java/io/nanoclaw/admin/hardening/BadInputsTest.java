package io.nanoclaw.admin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The bad-input corpus ({@link BadInputCorpus}) on a copy of a sample install, over real HTTP; one subclass per era. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BadInputsTest {

    static final String TOKEN = "bad-input-token";

    @LocalServerPort
    int port;

    @Autowired
    DataSource nanoclaw;

    abstract Path install();

    abstract boolean dbEra();

    static Path copy(Function<Path, Path> copier) {
        try {
            return copier.apply(Files.createTempDirectory("nanoclaw-admin-bad-input").resolve("install"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void attach(DynamicPropertyRegistry registry, Path install) {
        registry.add("nanoclaw.install-root", install::toString);
        registry.add("nanoclaw.data-dir", () -> install.resolveSibling("data").toString());
        registry.add("nanoclaw.admin.token", () -> TOKEN);
        registry.add("nanoclaw.scan-interval", () -> "1h");
        registry.add("server.address", () -> "127.0.0.1");
    }

    @Test
    void everyBadInputIsA4xxProblemAndChangesNothing() throws Exception {
        int inputs = BadInputTestSupport.run(port, TOKEN, install(), nanoclaw, dbEra());
        assertThat(inputs).isGreaterThanOrEqualTo(100);
        System.out.println("bad-input corpus (" + (dbEra() ? "DB-config" : "file") + " era): " + inputs
                + " inputs, each a 4xx problem+json, install unchanged");
    }
}
