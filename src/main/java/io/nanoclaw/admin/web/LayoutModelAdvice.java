package io.nanoclaw.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.nanoclaw.admin.install.InstallLayout;

/** What every page's layout shows: which install this is, and the demo banner in embedded mode. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final InstallLayout install;

    LayoutModelAdvice(InstallLayout install) {
        this.install = install;
    }

    @ModelAttribute("install")
    InstallLayout install() {
        return install;
    }
}
