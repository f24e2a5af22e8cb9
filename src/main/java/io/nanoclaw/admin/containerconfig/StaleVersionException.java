package io.nanoclaw.admin.containerconfig;

/** A write based on a version of container.json that is no longer the one on disk. */
public class StaleVersionException extends RuntimeException {

    private final transient ContainerConfigFile current;
    private final FileVersion expected;

    public StaleVersionException(FileVersion expected, ContainerConfigFile current) {
        super("container.json of '" + current.folder() + "' changed since version " + expected.value()
                + " was read; it is now " + current.version().value());
        this.expected = expected;
        this.current = current;
    }

    public FileVersion expected() {
        return expected;
    }

    /** The file as it is now, so the writer can show the other change and merge. */
    public ContainerConfigFile current() {
        return current;
    }
}
