package io.nanoclaw.admin.drift;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mountAllowlist NanoClaw's mount allowlist; unset = its own location, {@code ~/.config/nanoclaw/mount-allowlist.json}
 * @param scanInterval how often the service rescans on its own
 */
@ConfigurationProperties("nanoclaw")
public record DriftProperties(Path mountAllowlist, @DefaultValue("5m") Duration scanInterval) {

    public Path mountAllowlistOrDefault() {
        return mountAllowlist != null ? mountAllowlist
                : Path.of(System.getProperty("user.home"), ".config", "nanoclaw", "mount-allowlist.json");
    }
}
