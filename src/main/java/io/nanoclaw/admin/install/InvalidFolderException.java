package io.nanoclaw.admin.install;

/** A folder name that NanoClaw's rules refuse, or a path that would leave the groups folder. */
public class InvalidFolderException extends RuntimeException {

    private final String folder;

    public InvalidFolderException(String folder, String reason) {
        super("Folder '" + folder + "' cannot be used: " + reason);
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
