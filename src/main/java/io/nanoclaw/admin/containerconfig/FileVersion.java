package io.nanoclaw.admin.containerconfig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a container.json: the SHA-256 of its bytes, or {@link #ABSENT} when there is no file.
 * Writers pass back the version they read; a different version on disk means somebody else wrote.
 */
public record FileVersion(String value) {

    public static final FileVersion ABSENT = new FileVersion("absent");

    public static FileVersion of(byte[] bytes) {
        try {
            return new FileVersion(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The SHA-256 of a file read as a stream (a file too large to hold, so that it can still be replaced). */
    public static FileVersion ofFile(java.nio.file.Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return new FileVersion(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Parses an HTTP entity tag ({@code "abc…"}, {@code W/"abc…"} or bare) into a version. */
    public static FileVersion fromEtag(String etag) {
        String tag = etag.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return new FileVersion(tag);
    }

    public String etag() {
        return "\"" + value + "\"";
    }

    public boolean isAbsent() {
        return ABSENT.equals(this);
    }
}
