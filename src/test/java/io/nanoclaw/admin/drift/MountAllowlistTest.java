package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.drift.DriftRules.GroupInput;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.providers.KnownProviders;

/**
 * NanoClaw's mount rules ({@code reference/nanoclaw-model.md}, mount allowlist) on real folders: an allowed root
 * {@code allowed/} holding {@code project/}, and a folder {@code outside/data} under no root.
 */
class MountAllowlistTest {

    @TempDir
    Path tmp;

    Path allowed;
    Path project;
    Path outside;

    @BeforeEach
    void createFolders() throws IOException {
        allowed = Files.createDirectories(tmp.resolve("allowed"));
        project = Files.createDirectories(allowed.resolve("project"));
        outside = Files.createDirectories(tmp.resolve("outside").resolve("data"));
    }

    MountAllowlist allowlist(String json) throws IOException {
        return MountAllowlist.load(Files.writeString(tmp.resolve("mount-allowlist.json"), json));
    }

    MountAllowlist allowing(Path root) throws IOException {
        return allowlist("{\"allowedRoots\": [{\"path\": \"" + root + "\", \"allowReadWrite\": false}],"
                + " \"blockedPatterns\": []}");
    }

    static String hostPath(Path path) {
        return path.toString();
    }

    @Nested
    class TheFile {

        @Test
        void aMissingAllowlistBlocksEveryMount() throws IOException {
            MountAllowlist missing = MountAllowlist.load(tmp.resolve("no-such-allowlist.json"));

            assertThat(missing.state()).isEqualTo(MountAllowlist.State.MISSING);
            assertThat(missing.rejection(hostPath(project), null)).contains("blocks every additional mount");
            assertThat(missing.rejection(hostPath(allowed), "work")).isNotNull();
        }

        @Test
        void noPathAtAllIsAMissingAllowlist() {
            assertThat(MountAllowlist.load(null).state()).isEqualTo(MountAllowlist.State.MISSING);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "",
                "not json",
                "{\"allowedRoots\": [",
                "{\"allowedRoots\": [{\"path\": \"$ROOT\", \"allowReadWrite\": true},], \"blockedPatterns\": []}",
                "// comment\n{\"allowedRoots\": [{\"path\": \"$ROOT\"}], \"blockedPatterns\": []}",
                "[{\"path\": \"$ROOT\"}]",
                "{}",
                "{\"allowedRoots\": \"$ROOT\", \"blockedPatterns\": []}",
                "{\"allowedRoots\": {\"path\": \"$ROOT\"}, \"blockedPatterns\": []}"})
        void anInvalidAllowlistBlocksEveryMountEvenUnderTheRootItMeantToAllow(String json) throws IOException {
            MountAllowlist invalid = allowlist(json.replace("$ROOT", allowed.toString()));

            assertThat(invalid.state()).isEqualTo(MountAllowlist.State.INVALID);
            assertThat(invalid.rejection(hostPath(project), null)).contains("blocks every additional mount");
        }

        @Test
        void aValidAllowlistIsLoaded() throws IOException {
            assertThat(allowing(allowed).state()).isEqualTo(MountAllowlist.State.LOADED);
        }

        @Test
        void anAllowlistWithoutBlockedPatternsIsInvalidAsInNanoclaw() throws IOException {
            MountAllowlist noPatterns = allowlist("{\"allowedRoots\": [{\"path\": \"" + allowed + "\"}]}");

            assertThat(noPatterns.state()).isEqualTo(MountAllowlist.State.INVALID);
            assertThat(noPatterns.rejection(hostPath(project), null)).isNotNull();
        }
    }

    @Nested
    class AllowedRoots {

        @Test
        void aFolderUnderAnAllowedRootIsAllowed() throws IOException {
            Path deeper = Files.createDirectories(project.resolve("src").resolve("main"));
            MountAllowlist allowlist = allowing(allowed);

            assertThat(allowlist.rejection(hostPath(project), null)).isNull();
            assertThat(allowlist.rejection(hostPath(deeper), "code")).isNull();
            assertThat(allowlist.rejection(hostPath(allowed), "all")).as("the root itself").isNull();
        }

        @Test
        void aFileUnderAnAllowedRootIsAllowed() throws IOException {
            Path notes = Files.writeString(project.resolve("notes.md"), "# notes");

            assertThat(allowing(allowed).rejection(hostPath(notes), null)).isNull();
        }

        @Test
        void aFolderUnderNoRootIsRefused() throws IOException {
            assertThat(allowing(allowed).rejection(hostPath(outside), null)).contains("under no allowed root");
        }

        @Test
        void aSiblingThatOnlySharesTheRootsNamePrefixIsRefused() throws IOException {
            Path sibling = Files.createDirectories(tmp.resolve("allowed-not"));

            assertThat(allowing(allowed).rejection(hostPath(sibling), null)).contains("under no allowed root");
        }

        @Test
        void aPathThatClimbsOutOfTheRootIsJudgedWhereItLands() throws IOException {
            String climbing = allowed + "/project/../../outside/data";

            assertThat(allowing(allowed).rejection(climbing, "data")).contains("under no allowed root");
        }

        @Test
        void anAllowedRootThatDoesNotExistAllowsNothing() throws IOException {
            MountAllowlist allowlist = allowing(tmp.resolve("nowhere"));

            assertThat(allowlist.rejection(hostPath(project), null)).contains("under no allowed root");
        }

        @Test
        void anyOfSeveralRootsWillDo() throws IOException {
            MountAllowlist allowlist = allowlist("{\"allowedRoots\": [{\"path\": \"" + allowed + "\"}, {\"path\": \""
                    + outside + "\", \"allowReadWrite\": true}], \"blockedPatterns\": []}");

            assertThat(allowlist.rejection(hostPath(project), null)).isNull();
            assertThat(allowlist.rejection(hostPath(outside), null)).isNull();
        }

        @Test
        void aHostPathThatDoesNotExistIsRefused() throws IOException {
            assertThat(allowing(allowed).rejection(allowed + "/not-there", "x")).contains("does not exist");
        }

        @Test
        void aLinkUnderTheRootThatLeadsOutsideIsRefused() throws IOException {
            Path link = Files.createSymbolicLink(allowed.resolve("shortcut"), outside);

            assertThat(allowing(allowed).rejection(hostPath(link), null)).contains("under no allowed root");
        }

        @Test
        void aLinkOutsideThatLeadsUnderTheRootIsAllowed() throws IOException {
            Path link = Files.createSymbolicLink(tmp.resolve("outside").resolve("to-project"), project);

            assertThat(allowing(allowed).rejection(hostPath(link), null)).isNull();
        }

        @Test
        void aDanglingLinkIsAPathThatDoesNotExist() throws IOException {
            Path link = Files.createSymbolicLink(allowed.resolve("dangling"), tmp.resolve("gone"));

            assertThat(allowing(allowed).rejection(hostPath(link), null)).contains("does not exist");
        }
    }

    @Nested
    class BlockedPatterns {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {".ssh", ".aws", ".env", "credentials", "id_rsa", "private_key", "backup.ssh",
                "aws-credentials", "private_key.d", "work.env"})
        void aBuiltInPatternInAnyPathPartIsRefusedEvenUnderAnAllowedRoot(String name) throws IOException {
            Path blocked = Files.createDirectories(allowed.resolve(name));
            Path inside = Files.createDirectories(blocked.resolve("inner"));
            MountAllowlist allowlist = allowing(allowed);

            assertThat(allowlist.rejection(hostPath(blocked), "x")).contains("blocked pattern");
            assertThat(allowlist.rejection(hostPath(inside), "x")).contains("blocked pattern");
        }

        @Test
        void builtInPatternsApplyEvenWhenTheFileListsNone() throws IOException {
            Path ssh = Files.createDirectories(allowed.resolve(".ssh"));

            assertThat(allowlist("{\"allowedRoots\": [{\"path\": \"" + allowed + "\"}], \"blockedPatterns\": []}")
                    .rejection(hostPath(ssh), "keys")).contains("'.ssh'");
        }

        @Test
        void aPatternFromTheFileIsRefusedAndOnlyWhenTheFileListsIt() throws IOException {
            Path secret = Files.createDirectories(allowed.resolve("top-secret"));
            String roots = "{\"allowedRoots\": [{\"path\": \"" + allowed + "\"}], ";

            assertThat(allowlist(roots + "\"blockedPatterns\": [\"secret\"]}").rejection(hostPath(secret), null))
                    .contains("'secret'");
            assertThat(allowlist(roots + "\"blockedPatterns\": []}").rejection(hostPath(secret), null)).isNull();
        }

        @Test
        void aLinkIsJudgedByTheRealPathItLeadsTo() throws IOException {
            Path ssh = Files.createDirectories(allowed.resolve(".ssh"));
            Path innocent = Files.createSymbolicLink(allowed.resolve("keys"), ssh);

            assertThat(allowing(allowed).rejection(hostPath(innocent), null)).contains("'.ssh'");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {".gnupg", ".gpg", ".azure", ".gcloud", ".kube", ".docker", ".netrc", ".npmrc",
                ".pypirc", "id_ed25519", ".secret"})
        void everyPatternNanoclawBuildsInIsRefused(String name) throws IOException {
            Path blocked = Files.createDirectories(allowed.resolve(name));

            assertThat(allowing(allowed).rejection(hostPath(blocked), "x")).contains("blocked pattern");
        }
    }

    @Nested
    class ContainerPaths {

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"/abs", "/workspace/extra/x", "../escape", "a/../../b", "..", "x..y", "repo:rw",
                "C:data"})
        void aContainerPathThatIsAbsoluteClimbsOrHoldsAColonIsRefused(String containerPath) throws IOException {
            assertThat(allowing(allowed).rejection(hostPath(project), containerPath)).contains("container path");
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"project", "nested/dir", "with space", ".hidden"})
        void aRelativeContainerPathIsAccepted(String containerPath) throws IOException {
            assertThat(allowing(allowed).rejection(hostPath(project), containerPath)).isNull();
        }

        @Test
        void withoutAContainerPathTheHostPathsBaseNameIsJudged() throws IOException {
            Path colon = Files.createDirectories(allowed.resolve("repo:rw"));

            assertThat(allowing(allowed).rejection(hostPath(colon), null)).contains("container path 'repo:rw'");
            assertThat(allowing(allowed).rejection(hostPath(colon), "repo")).isNull();
        }

        @Test
        void anEmptyContainerPathFallsBackToTheBaseNameAsInJavascript() throws IOException {
            assertThat(allowing(allowed).rejection(hostPath(project), "")).isNull();
        }

        @Test
        void aBlankContainerPathIsRefused() throws IOException {
            assertThat(allowing(allowed).rejection(hostPath(project), "   ")).isNotNull();
        }
    }

    @Nested
    class HomeExpansion {

        String savedHome;
        Path home;

        @BeforeEach
        void pointHomeAtATempFolder() throws IOException {
            savedHome = System.getProperty("user.home");
            home = Files.createDirectories(tmp.resolve("home"));
            Files.createDirectories(home.resolve("projects").resolve("app"));
            Files.createDirectories(home.resolve("elsewhere"));
            System.setProperty("user.home", home.toString());
        }

        @AfterEach
        void restoreHome() {
            System.setProperty("user.home", savedHome);
        }

        @Test
        void aTildeInTheAllowlistAndInTheMountMeansTheHomeFolder() throws IOException {
            MountAllowlist allowlist = allowlist(
                    "{\"allowedRoots\": [{\"path\": \"~/projects\", \"allowReadWrite\": true}], \"blockedPatterns\": []}");

            assertThat(allowlist.rejection("~/projects/app", null)).isNull();
            assertThat(allowlist.rejection(home.resolve("projects").resolve("app").toString(), null)).isNull();
            assertThat(allowlist.rejection("~/elsewhere", null)).contains("under no allowed root");
        }

        @Test
        void aTildeNotFollowedByASlashIsNoHomeFolder() throws IOException {
            MountAllowlist allowlist = allowlist(
                    "{\"allowedRoots\": [{\"path\": \"~/projects\"}], \"blockedPatterns\": []}");

            assertThat(allowlist.rejection("~projects/app", "app")).contains("does not exist");
        }
    }

    /** MOUNT_NOT_ALLOWED: what the drift rules make of these decisions. */
    @Nested
    class InTheDriftRules {

        static final String ID = "ag-1714000000000-mnt001";

        GroupResult judge(MountAllowlist allowlist, String mountsJson) {
            byte[] bytes = ("{\"additionalMounts\": " + mountsJson + "}").getBytes(StandardCharsets.UTF_8);
            ContainerConfigFile file = ContainerConfigFile.ok("research", bytes,
                    ContainerConfigFormat.parse(bytes).document());
            assertThat(file.state()).isEqualTo(ConfigFileState.OK);
            DriftRules rules = new FileEraRules(KnownProviders.configured(List.of("claude", "codex", "opencode", "mock")),
                    allowlist);
            return rules.judge(new GroupInput(ID, "Research", "research", null, file, List.of()));
        }

        static String mount(Path hostPath) {
            return "{\"hostPath\": \"" + hostPath + "\"}";
        }

        @Test
        void aMountTheAllowlistRefusesIsAnErrorThatDriftsTheGroup() throws IOException {
            GroupResult result = judge(allowing(allowed), "[" + mount(outside) + "]");

            assertThat(result.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(FindingKind.MOUNT_NOT_ALLOWED);
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.groupId()).isEqualTo(ID);
                assertThat(finding.fileValue()).isEqualTo("{\"hostPath\":\"" + outside + "\"}");
                assertThat(finding.message()).contains(outside.toString(), "under no allowed root");
                assertThat(finding.fixes()).isEmpty();
            });
            assertThat(result.drift().status()).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void anAllowedMountIsNoFinding() throws IOException {
            GroupResult result = judge(allowing(allowed),
                    "[{\"hostPath\": \"" + project + "\", \"containerPath\": \"project\", \"readonly\": false}]");

            assertThat(result.findings()).isEmpty();
            assertThat(result.drift().status()).isEqualTo(GroupStatus.ALIGNED);
        }

        @Test
        void everyRefusedMountIsItsOwnFinding() throws IOException {
            Path ssh = Files.createDirectories(allowed.resolve(".ssh"));

            GroupResult result = judge(allowing(allowed),
                    "[" + mount(outside) + ", " + mount(project) + ", " + mount(ssh) + "]");

            assertThat(result.findings()).extracting(Finding::kind)
                    .containsExactly(FindingKind.MOUNT_NOT_ALLOWED, FindingKind.MOUNT_NOT_ALLOWED);
            assertThat(result.findings()).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains(outside.toString()))
                    .anySatisfy(m -> assertThat(m).contains(ssh.toString()));
        }

        @Test
        void theEntrysContainerPathIsJudgedToo() throws IOException {
            GroupResult result = judge(allowing(allowed),
                    "[{\"hostPath\": \"" + project + "\", \"containerPath\": \"../etc\"}]");

            assertThat(result.findings()).extracting(Finding::kind).containsExactly(FindingKind.MOUNT_NOT_ALLOWED);
        }

        @Test
        void withoutAnAllowlistEveryMountIsRefused() {
            GroupResult result = judge(MountAllowlist.load(tmp.resolve("absent.json")), "[" + mount(project) + "]");

            assertThat(result.findings()).extracting(Finding::kind).containsExactly(FindingKind.MOUNT_NOT_ALLOWED);
            assertThat(result.drift().status()).isEqualTo(GroupStatus.DRIFTED);
        }

        @Test
        void anEntryOfTheWrongTypeIsInvalidRatherThanRefused() throws IOException {
            GroupResult result = judge(allowing(allowed), "[\"" + project + "\"]");

            assertThat(result.findings()).extracting(Finding::kind).containsExactly(FindingKind.CONFIG_FIELD_INVALID);
            assertThat(result.drift().status()).isEqualTo(GroupStatus.BROKEN);
        }
    }
}
