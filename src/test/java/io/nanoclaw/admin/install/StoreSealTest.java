package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSealTest {

    static final byte[] SECRET = "{\"env\": {\"TOKEN\": \"very-secret\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedBytesHideThePlainTextAndOpenToIt() {
        StoreSeal seal = StoreSeal.withRandomKey();
        byte[] sealed = seal.seal(SECRET);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("very-secret");
        assertThat(StoreSeal.isSealed(sealed)).isTrue();
        assertThat(StoreSeal.plainLength(sealed)).isEqualTo(SECRET.length);
        assertThat(seal.open(sealed)).isEqualTo(SECRET);
        assertThat(seal.seal(SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void sealedTextRoundTripsAndPlainValuesFromBeforeSealingReadAsTheyAre() {
        StoreSeal seal = StoreSeal.withRandomKey();
        String sealed = seal.sealText("{\"mcp_servers\": \"sk-123\"}");

        assertThat(sealed).startsWith("ncs1:").doesNotContain("sk-123");
        assertThat(seal.openText(sealed)).isEqualTo("{\"mcp_servers\": \"sk-123\"}");
        assertThat(seal.openText("{\"legacy\": 1}")).isEqualTo("{\"legacy\": 1}");
        assertThat(seal.open(SECRET)).isEqualTo(SECRET);
        assertThat(StoreSeal.plainLength(SECRET)).isEqualTo(SECRET.length);
    }

    @Test
    void anotherKeyOrAnAlteredValueCannotBeOpened() {
        byte[] sealed = StoreSeal.withRandomKey().seal(SECRET);
        assertThatThrownBy(() -> StoreSeal.withRandomKey().open(sealed))
                .isInstanceOf(StoreSeal.SealBrokenException.class).hasMessageContaining("admin-store.key");

        StoreSeal seal = StoreSeal.withRandomKey();
        byte[] altered = seal.seal(SECRET);
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> seal.open(altered)).isInstanceOf(StoreSeal.SealBrokenException.class);
    }

    @Test
    void theKeyIsCreatedOwnerOnlyOnceAndReusedAtTheNextStart(@TempDir Path data) throws Exception {
        byte[] sealed = StoreSeal.inDataDir(data).seal(SECRET);
        Path key = data.resolve("admin-store.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(StoreSeal.inDataDir(data).open(sealed)).isEqualTo(SECRET);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("admin-store.key");
        }
    }

    @Test
    void aKeyFileThatIsNotAKeyStopsTheStartWithWhatToDo(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("admin-store.key"), "c2hvcnQ=\n");
        assertThatThrownBy(() -> StoreSeal.inDataDir(data)).isInstanceOf(InstallNotUsableException.class)
                .hasMessageContaining("not 32 bytes");
        Files.writeString(data.resolve("admin-store.key"), "not base64 at all!\n");
        assertThatThrownBy(() -> StoreSeal.inDataDir(data)).isInstanceOf(InstallNotUsableException.class)
                .hasMessageContaining("not base64");
    }
}
