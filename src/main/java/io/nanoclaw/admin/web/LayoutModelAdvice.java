package io.nanoclaw.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;

/** What every page's layout shows: which install this is and its era, and the demo banner in embedded mode. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final InstallLayout install;
    private final DetectedEra era;

    LayoutModelAdvice(InstallLayout install, DetectedEra era) {
        this.install = install;
        this.era = era;
    }

    @ModelAttribute("era")
    DetectedEra era() {
        return era;
    }

    @ModelAttribute("install")
    InstallLayout install() {
        return install;
    }
}
