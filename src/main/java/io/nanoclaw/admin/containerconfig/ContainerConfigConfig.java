package io.nanoclaw.admin.containerconfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nanoclaw.admin.install.GroupsDirectory;

@Configuration(proxyBeanMethods = false)
class ContainerConfigConfig {

    @Bean
    ContainerConfigStore containerConfigStore(GroupsDirectory groups, ConfigHistory history) {
        return new ContainerConfigStore(groups, history, new AtomicFileWriter());
    }
}
