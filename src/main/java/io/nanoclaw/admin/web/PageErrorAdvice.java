package io.nanoclaw.admin.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.nanoclaw.admin.web.InvalidInputException;

/** A bad list parameter on a page: the error page says which and why (the API's own advice comes first). */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    @ExceptionHandler({InvalidInputException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(RuntimeException e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("reason", "Bad request");
        model.addAttribute("message", e instanceof MethodArgumentTypeMismatchException mismatch
                ? "'" + mismatch.getValue() + "' is not a valid value for " + mismatch.getName() + "."
                : e.getMessage());
        return "error";
    }
}
