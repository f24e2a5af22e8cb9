package io.nanoclaw.admin.providers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param known provider names taken as registered when the install does not say (embedded mode, or an attached
 *     install without the providers' index files)
 */
@ConfigurationProperties("nanoclaw.providers")
public record ProvidersProperties(@DefaultValue({"claude", "codex", "opencode", "mock"}) List<String> known) {
}
