package io.nanoclaw.admin.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what the admin store keeps of NanoClaw's files and rows (kept container.json versions, kept
 * {@code container_configs} rows, the change journal's steps), since they hold MCP server secrets: AES-256-GCM under a
 * key kept in its own file beside the store ({@code <data-dir>/admin-store.key}, owner-only), so a copy or dump of the
 * store alone reveals nothing. Values written before sealing existed carry no mark and are read as they are.
 */
public final class StoreSeal {

    static final String KEY_FILE = "admin-store.key";
    private static final byte[] MARK = "NCS1".getBytes(StandardCharsets.US_ASCII);
    private static final String TEXT_MARK = "ncs1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private StoreSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal whose key is in {@code dataDir}, creating the key (owner-only, atomically) on first use. */
    public static StoreSeal inDataDir(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                createKey(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new InstallNotUsableException("The admin store's key " + file + " is not 32 bytes of base64.",
                        "Put back the key file this store was sealed with, or move the data directory aside to start"
                                + " a new admin store.");
            }
            return new StoreSeal(key);
        } catch (IllegalArgumentException e) {
            throw new InstallNotUsableException("The admin store's key " + file + " is not base64.",
                    "Put back the key file this store was sealed with.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin store's key " + file, e);
        }
    }

    /** A seal with a fresh random key, for tests. */
    public static StoreSeal withRandomKey() {
        return new StoreSeal(randomBytes(32));
    }

    private static void createKey(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(KEY_FILE + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        Files.writeString(temp, Base64.getEncoder().encodeToString(randomBytes(32)) + "\n", StandardCharsets.US_ASCII);
        try {
            // No REPLACE_EXISTING: of two services starting at once, the first key stays.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        }
    }

    public byte[] seal(byte[] plain) {
        byte[] iv = randomBytes(IV_BYTES);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv).doFinalQuietly(plain);
        return ByteBuffer.allocate(MARK.length + IV_BYTES + sealed.length).put(MARK).put(iv).put(sealed).array();
    }

    /** The plain bytes; bytes without the seal's mark were stored before sealing and are returned as they are. */
    public byte[] open(byte[] stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] iv = Arrays.copyOfRange(stored, MARK.length, MARK.length + IV_BYTES);
        return cipher(Cipher.DECRYPT_MODE, iv).doFinalQuietly(Arrays.copyOfRange(stored, MARK.length + IV_BYTES,
                stored.length));
    }

    public String sealText(String plain) {
        return TEXT_MARK + Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String openText(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        return new String(open(Base64.getDecoder().decode(stored.substring(TEXT_MARK.length()))), StandardCharsets.UTF_8);
    }

    /** How many bytes {@link #open} returns for these stored bytes, without opening them. */
    public static int plainLength(byte[] stored) {
        return isSealed(stored) ? stored.length - MARK.length - IV_BYTES - TAG_BITS / 8 : stored.length;
    }

    public static boolean isSealed(byte[] stored) {
        return stored.length > MARK.length + IV_BYTES && Arrays.equals(stored, 0, MARK.length, MARK, 0, MARK.length);
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(TEXT_MARK);
    }

    private Crypt cipher(int mode, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            return new Crypt(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    private record Crypt(Cipher cipher) {
        byte[] doFinalQuietly(byte[] input) {
            try {
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new SealBrokenException();
            }
        }
    }

    /** A sealed value this key cannot open: the store was sealed with another key, or the value was altered. */
    public static final class SealBrokenException extends RuntimeException {
        SealBrokenException() {
            super("a kept value in the admin store cannot be opened with " + KEY_FILE
                    + " (the store was sealed with another key, or the value was altered)");
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
