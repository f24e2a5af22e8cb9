package io.nanoclaw.admin.hardening;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nanoclaw.admin.SampleInstall;

/** The bad-input corpus on a copy of the file-era sample install. */
class BadInputsFileEraTest extends BadInputsTest {

    private static final Path INSTALL = copy(SampleInstall::copyTo);

    @DynamicPropertySource
    static void attach(DynamicPropertyRegistry registry) {
        attach(registry, INSTALL);
    }

    @Override
    Path install() {
        return INSTALL;
    }

    @Override
    boolean dbEra() {
        return false;
    }
}
