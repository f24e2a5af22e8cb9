package io.nanoclaw.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the dashboard at / belongs to the drift feature. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
