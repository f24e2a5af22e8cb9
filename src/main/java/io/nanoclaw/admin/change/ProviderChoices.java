package io.nanoclaw.admin.change;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProviderChain;
import io.nanoclaw.admin.providers.ProvidersProperties;

/**
 * What the provider selects offer: the group page's forms and the container.json editor. The group page's templates
 * call this bean as {@code @providerChoices}.
 */
@Component("providerChoices")
public class ProviderChoices {

    private final InstallLayout install;
    private final ProvidersProperties providerSettings;

    public ProviderChoices(InstallLayout install, ProvidersProperties providerSettings) {
        this.install = install;
        this.providerSettings = providerSettings;
    }

    /** The providers the runner registers, sorted: what the provider selects offer. */
    public List<String> knownProviders() {
        return KnownProviders.of(install.mode() == InstallMode.ATTACHED ? install.root() : null,
                providerSettings.known()).runner().stream().sorted().toList();
    }

    /** The known providers, plus {@code current} when it is set and not among them, so a select can show it as is. */
    public List<String> providerChoices(String current) {
        List<String> choices = new ArrayList<>(knownProviders());
        if (ProviderChain.isSet(current) && !choices.contains(current)) {
            choices.add(current);
        }
        return choices;
    }
}
