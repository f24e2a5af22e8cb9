package io.nanoclaw.admin;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.nanoclaw.admin.cli.ScanCommand;

@SpringBootApplication
public class NanoclawAdminApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ScanCommand.NAME)) {
            System.exit(ScanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(NanoclawAdminApplication.class, args);
    }
}
