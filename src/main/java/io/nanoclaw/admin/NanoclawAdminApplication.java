package io.nanoclaw.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NanoclawAdminApplication {

    public static void main(String[] args) {
        SpringApplication.run(NanoclawAdminApplication.class, args);
    }
}
