package io.nanoclaw.admin.install;

import java.nio.file.Path;

/**
 * The install this service works on, as resolved at start-up.
 *
 * @param mode embedded demo or attached install
 * @param root the install root (attached) or the demo's folder under the data directory (embedded:
 *        {@code demo-db-era} or {@code demo-file-era}, so the two demos never mix)
 * @param database where NanoClaw's tables are, for people to read
 * @param groups the install's {@code groups/} folder
 */
public record InstallLayout(InstallMode mode, Path root, String database, GroupsDirectory groups) {

    public static InstallLayout of(InstallProperties properties) {
        if (properties.mode() == InstallMode.ATTACHED) {
            Path root = properties.installRoot().toAbsolutePath().normalize();
            return new InstallLayout(InstallMode.ATTACHED, root, root.resolve("data/v2.db").toString(),
                    new GroupsDirectory(root.resolve("groups")));
        }
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Path demo = dataDir.resolve(properties.demoInstallEra() == InstallEra.DB_CONFIG ? "demo-db-era" : "demo-file-era");
        return new InstallLayout(InstallMode.EMBEDDED, demo, "embedded H2 demo database in " + demo,
                new GroupsDirectory(demo.resolve("groups")));
    }

    public boolean isDemo() {
        return mode == InstallMode.EMBEDDED;
    }

    public Path sqliteFile() {
        return root.resolve("data").resolve("v2.db");
    }
}
