package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.install.GroupFolder;
import io.nanoclaw.admin.install.GroupsDirectory;
import io.nanoclaw.admin.install.InvalidFolderException;

class ContainerConfigStoreTest {

    @TempDir
    Path temp;

    Path groups;
    RecordingHistory history;
    ContainerConfigStore store;

    @BeforeEach
    void copySampleInstall() {
        groups = SampleInstall.copyTo(temp.resolve("install")).resolve("groups");
        history = new RecordingHistory();
        store = new ContainerConfigStore(new GroupsDirectory(groups), history, new AtomicFileWriter());
    }

    @Test
    void readsAGoodFileWithItsVersion() throws IOException {
        ContainerConfigFile file = store.read("research");

        assertThat(file.state()).isEqualTo(ConfigFileState.OK);
        assertThat(file.document().provider()).contains("codex");
        assertThat(file.version()).isEqualTo(FileVersion.of(Files.readAllBytes(groups.resolve("research/container.json"))));
    }

    @Test
    void eachBrokenShapeIsAStateNotAnException() throws IOException {
        Files.writeString(groups.resolve("main/container.json"), "[1, 2]");

        assertThat(store.read("writer").state()).isEqualTo(ConfigFileState.MALFORMED);
        assertThat(store.read("writer").rawText()).startsWith("{\n  \"provider\": \"claude\"");
        assertThat(store.read("scratch").state()).isEqualTo(ConfigFileState.MISSING);
        assertThat(store.read("archive").state()).isEqualTo(ConfigFileState.FOLDER_MISSING);
        assertThat(store.read("main").state()).isEqualTo(ConfigFileState.NOT_AN_OBJECT);
        assertThat(store.read("../etc").state()).isEqualTo(ConfigFileState.FOLDER_INVALID);
        assertThat(store.read("global").state()).isEqualTo(ConfigFileState.FOLDER_INVALID);
    }

    @Test
    void aFolderNamedContainerJsonIsUnreadableNotACrash() throws IOException {
        Files.createDirectories(groups.resolve("scratch/container.json"));

        assertThat(store.read("scratch").state()).isEqualTo(ConfigFileState.UNREADABLE);
    }

    @Test
    void aHugeFileIsUnreadableRatherThanLoaded() throws IOException {
        Files.write(groups.resolve("main/container.json"), new byte[(int) ContainerConfigStore.MAX_BYTES + 1]);

        assertThat(store.read("main").state()).isEqualTo(ConfigFileState.UNREADABLE);
    }

    @Test
    void aFolderLinkLeavingTheGroupsFolderIsRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("container.json"), "{\"provider\":\"codex\"}");
        Files.createSymbolicLink(groups.resolve("sneaky"), outside);

        assertThat(store.read("sneaky").state()).isEqualTo(ConfigFileState.FOLDER_INVALID);
        assertThatThrownBy(() -> store.write(new GroupFolder("sneaky"), ContainerConfigDocument.empty(),
                FileVersion.ABSENT, "test")).isInstanceOf(InvalidFolderException.class);
        assertThat(Files.readString(outside.resolve("container.json"))).isEqualTo("{\"provider\":\"codex\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/b", "a\\b", "/etc", " main", ".hidden", "global", "GLOBAL", ""})
    void pathTraversalAndInvalidNamesAreRefusedForWrites(String name) {
        assertThatThrownBy(() -> store.write(new GroupFolder(name), ContainerConfigDocument.empty(), FileVersion.ABSENT,
                "test")).isInstanceOf(InvalidFolderException.class);
    }

    @Test
    void aWriteReplacesTheFileInNanoclawsFormatAndKeepsThePreviousBytes() throws IOException {
        Path file = groups.resolve("travel/container.json");
        byte[] before = Files.readAllBytes(file);
        ContainerConfigFile read = store.read("travel");

        FileVersion written = store.write(new GroupFolder("travel"), read.document().with("provider", "codex"),
                read.version(), "alice");

        String after = Files.readString(file);
        assertThat(after).isEqualTo(new String(before, StandardCharsets.UTF_8)
                .replace("\"provider\": \"opencode\"", "\"provider\": \"codex\""));
        assertThat(written).isEqualTo(FileVersion.of(after.getBytes(StandardCharsets.UTF_8)));
        assertThat(history.kept).singleElement().satisfies(kept -> {
            assertThat(kept.bytes()).isEqualTo(before);
            assertThat(kept.version()).isEqualTo(read.version());
            assertThat(kept.by()).isEqualTo("alice");
        });
        assertThat(leftovers("travel")).isEmpty();
    }

    @Test
    void aStaleVersionIsRefusedAndTheFileIsUntouched() throws IOException {
        Path file = groups.resolve("research/container.json");
        ContainerConfigFile read = store.read("research");
        Files.writeString(file, Files.readString(file).replace("codex", "opencode")); // someone else writes
        byte[] theirs = Files.readAllBytes(file);

        assertThatThrownBy(() -> store.write(new GroupFolder("research"), read.document().with("provider", "claude"),
                read.version(), "alice"))
                .isInstanceOfSatisfying(StaleVersionException.class, stale -> {
                    assertThat(stale.current().version()).isEqualTo(FileVersion.of(theirs));
                    assertThat(stale.current().document().provider()).contains("opencode");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
        assertThat(history.kept).isEmpty();
    }

    @Test
    void creatingAFileNeedsTheAbsentVersionAndRefusesWhenOneAppeared() throws IOException {
        GroupFolder scratch = new GroupFolder("scratch");

        store.write(scratch, ContainerConfigDocument.empty().with("provider", "claude"), FileVersion.ABSENT, "alice");

        assertThat(Files.readString(groups.resolve("scratch/container.json"))).isEqualTo("{\n  \"provider\": \"claude\"\n}\n");
        assertThat(history.kept).singleElement().satisfies(kept -> assertThat(kept.bytes()).isNull());
        assertThatThrownBy(() -> store.write(scratch, ContainerConfigDocument.empty(), FileVersion.ABSENT, "bob"))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aWriteInterruptedBeforeTheRenameLeavesTheOldFileIntactAndNoTempFile() throws IOException {
        Path file = groups.resolve("family/container.json");
        byte[] before = Files.readAllBytes(file);
        ContainerConfigStore crashing = new ContainerConfigStore(new GroupsDirectory(groups), history,
                new AtomicFileWriter((source, target) -> {
                    assertThat(Files.readString(source)).contains("\"provider\": \"codex\"");
                    throw new IOException("power cut between temp file and rename");
                }));
        ContainerConfigFile read = crashing.read("family");

        assertThatThrownBy(() -> crashing.write(new GroupFolder("family"), read.document().with("provider", "codex"),
                read.version(), "alice")).isInstanceOf(UncheckedIOException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(leftovers("family")).isEmpty();
    }

    @Test
    void aWriteKeepsTheFilesPermissions() throws IOException {
        Path file = groups.resolve("main/container.json");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ContainerConfigFile read = store.read("main");

        store.write(new GroupFolder("main"), read.document().with("provider", "claude"), read.version(), "alice");

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aFileReadAndWrittenBackUnchangedIsByteIdentical() throws IOException {
        Path file = groups.resolve("family/container.json");
        byte[] before = Files.readAllBytes(file);
        ContainerConfigFile read = store.read("family");

        FileVersion after = store.write(new GroupFolder("family"), read.document(), read.version(), "alice");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(after).isEqualTo(read.version());
    }

    private List<Path> leftovers(String folder) throws IOException {
        try (Stream<Path> files = Files.list(groups.resolve(folder))) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    record Kept(String folder, FileVersion version, byte[] bytes, String by) {
    }

    static class RecordingHistory implements ConfigHistory {
        final List<Kept> kept = new ArrayList<>();

        @Override
        public void keep(String folder, FileVersion version, byte[] bytes, String replacedBy) {
            kept.add(new Kept(folder, version, bytes, replacedBy));
        }
    }
}
