package io.nanoclaw.admin.notify;

import java.time.Instant;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.web.InvalidInputException;

/** The Notifications page (OPERATORs): the webhook in force, a form to change it, a test send, the last deliveries. */
@Controller
@RequestMapping("/notifications")
class NotificationsController {

    private final WebhookSettings settings;
    private final WebhookNotifier notifier;
    private final AuditService audit;

    NotificationsController(WebhookSettings settings, WebhookNotifier notifier, AuditService audit) {
        this.settings = settings;
        this.notifier = notifier;
        this.audit = audit;
    }

    @GetMapping
    String page(Model model) {
        WebhookSettings.Webhook webhook = settings.current();
        model.addAttribute("webhook", webhook);
        model.addAttribute("shownUrl", webhook.on() ? WebhookSettings.redacted(webhook.url()) : null);
        model.addAttribute("deliveries", audit.find(null, "NOTIFY_", null, PageRequest.of(0, 20)).getContent());
        return "notify/notifications";
    }

    @PostMapping
    String save(@RequestParam(required = false) String webhookUrl, @RequestParam(required = false) String format,
            Model model, RedirectAttributes redirect) {
        try {
            WebhookSettings.Webhook saved = settings.set(webhookUrl, format);
            redirect.addFlashAttribute("notice", saved.on() ? "Notifications go to "
                    + WebhookSettings.redacted(saved.url()) + "." : "Notifications are off.");
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("typedUrl", webhookUrl);
            return page(model);
        }
        return "redirect:/notifications";
    }

    @PostMapping("/reset")
    String reset(RedirectAttributes redirect) {
        settings.reset();
        redirect.addFlashAttribute("notice", "The nanoclaw.notify.webhook-url setting is in force again.");
        return "redirect:/notifications";
    }

    @PostMapping("/test")
    String test(RedirectAttributes redirect) {
        boolean queued = notifier.send(new Notification("TEST", null, null, "a test from the Notifications page",
                Instant.now()));
        redirect.addFlashAttribute("notice", queued ? "A test notification is on its way; its delivery shows below"
                + " in a moment." : "Notifications are off: set a webhook first.");
        return "redirect:/notifications";
    }
}
