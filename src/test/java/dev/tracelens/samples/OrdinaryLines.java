package dev.tracelens.samples;

import java.util.Random;

/** The everyday rows of each sample program: requests, jobs, health checks, cron runs. */
final class OrdinaryLines {
    private static final String[] PATHS = {"/api/users/", "/api/orders/", "/api/invoices/", "/static/app.js?v=", "/health?id="};
    private static final String[] TASKS = {"app.tasks.send_invoice", "app.tasks.sync_catalog", "app.tasks.expire_sessions", "app.tasks.resize_image"};

    private OrdinaryLines() {
    }

    static String line(Random r, Proc p) {
        return switch (p.program()) {
            case "nginx" -> "10.0." + r.nextInt(8) + "." + r.nextInt(250) + " - - \"GET " + PATHS[r.nextInt(PATHS.length)]
                    + r.nextInt(10000) + " HTTP/1.1\" " + (r.nextInt(50) == 0 ? 502 : 200) + " " + r.nextInt(20000)
                    + " \"-\" \"Mozilla/5.0\" rt=" + (r.nextInt(900) / 1000.0);
            case "app-web" -> p.prefix("INFO", "app.access") + "GET " + PATHS[r.nextInt(3)] + r.nextInt(10000) + " 200 "
                    + r.nextInt(400) + "ms";
            case "app-worker" -> p.prefix("INFO", "celery.worker") + "Task " + TASKS[r.nextInt(TASKS.length)] + "["
                    + SampleBugs.hex(r, 8) + "-" + SampleBugs.hex(r, 4) + "] succeeded in " + (r.nextInt(5000) / 1000.0) + "s";
            case "app-mailer" -> p.prefix("INFO", "app.mailer") + "sent " + (r.nextBoolean() ? "receipt" : "digest")
                    + " to user " + r.nextInt(99999);
            case "cron" -> "(root) CMD (/usr/local/bin/rotate-logs --keep " + (r.nextInt(5) + 3) + ")";
            case "billing" -> p.prefix("info", "billing.jobs") + "msg=\"charged customer " + r.nextInt(99999) + "\" amount="
                    + r.nextInt(500) + "." + r.nextInt(100);
            case "nova-compute" -> p.prefix("INFO", "nova.compute.resource_tracker") + "Final resource view: phys_ram="
                    + (64000 + r.nextInt(1000)) + "MB used_ram=" + r.nextInt(60000) + "MB";
            case "docker" -> "web-1  | " + "10.0.0." + r.nextInt(250) + " - - \"GET /orders HTTP/1.1\" 200 " + r.nextInt(9000);
            case "storage-agent" -> p.prefix("INFO", "storage.task") + "chunk " + SampleBugs.hex(r, 8) + " written ("
                    + r.nextInt(64) + " MiB)";
            default -> "heartbeat " + r.nextInt(1000);
        };
    }
}
