package io.nanoclaw.admin.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The embedded demo install: NanoClaw's tables and a few group folders with healthy groups and known disagreements,
 * the same as the project's sample install of the chosen era ({@code src/test/fixtures/sample-db-install} or
 * {@code sample-install}). Seeded once, on the first start.
 */
final class DemoInstall {

    private static final Logger log = LoggerFactory.getLogger(DemoInstall.class);
    private static final String BASE = "demo-install/";

    private DemoInstall() {
    }

    static void seedIfNew(DataSource dataSource, GroupsDirectory groups, InstallEra era) {
        String base = BASE + (era == InstallEra.DB_CONFIG ? "db/" : "file/");
        try {
            if (hasTables(dataSource)) {
                return;
            }
            new ResourceDatabasePopulator(new ClassPathResource(base + "schema.sql"), new ClassPathResource(base + "seed.sql"))
                    .execute(dataSource);
            copyGroupFolders(base, groups.root());
            log.info("Seeded the demo install of the {}: tables in the embedded H2 database, group folders in {}",
                    era.label(), groups.root());
        } catch (SQLException e) {
            throw new InstallNotUsableException("Cannot prepare the embedded demo database: " + e.getMessage(),
                    "Check that the data directory is writable and not used by another running instance.");
        }
    }

    private static boolean hasTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "agent_groups", null)) {
            return tables.next();
        }
    }

    private static void copyGroupFolders(String base, Path groupsRoot) {
        try {
            String baseUri = new ClassPathResource(base + "groups/").getURI().toString();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:" + base + "groups/**")) {
                if (!resource.isReadable()) {
                    continue; // a folder entry
                }
                String relative = resource.getURI().toString().substring(baseUri.length());
                Path target = groupsRoot.resolve(relative).normalize();
                if (!target.startsWith(groupsRoot) || Files.exists(target)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the demo group folders to " + groupsRoot, e);
        }
    }
}
