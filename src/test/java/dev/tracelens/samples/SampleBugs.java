package dev.tracelens.samples;

import java.util.List;
import java.util.Random;

/**
 * The distinct bugs of the bundled sample archives, one per real-world traceback shape a parser
 * must survive. Each bug knows the lines its program prints (before syslog splits them into
 * rows) and the line that, a moment earlier, says why it happened.
 */
enum SampleBugs {
    /** Header after other text; library frames around the app frame; newrelic wrapper frames on some hosts. */
    KEY_ERROR("app-web", "KeyError", 9) {
        @Override
        List<String> lines(Random r, Proc p) {
            List<String> frames = new java.util.ArrayList<>(List.of(
                    p.prefix("ERROR", "app.views") + "unhandled exception in GET /api/users/" + r.nextInt(9000) + " - Traceback (most recent call last):",
                    "  File \"/srv/app/venv/lib/python2.7/site-packages/flask/app.py\", line " + (1470 + r.nextInt(3)) + ", in full_dispatch_request",
                    "    rv = self.dispatch_request()",
                    "  File \"/srv/app/venv/lib/python2.7/site-packages/flask/app.py\", line 1456, in dispatch_request",
                    "    return self.view_functions[rule.endpoint](**req.view_args)"));
            if (p.host().endsWith("b7")) {
                frames.add("  File \"/srv/app/venv/lib/python2.7/site-packages/newrelic/hooks/framework_flask.py\", line 98, in _nr_wrapper_handler_");
                frames.add("    return wrapped(*args, **kwargs)");
            }
            frames.addAll(List.of(
                    "  File \"/srv/app/app/views.py\", line " + (40 + r.nextInt(4)) + ", in get_user",
                    "    return render_user(users[session['user_id']])",
                    "KeyError: 'user_id'"));
            return frames;
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "app.auth") + "session " + hex(r, 12) + " has no user_id (expired " + (r.nextInt(50) + 10) + " min ago)";
        }
    },
    /** Chained: the ConnectionError was raised while handling urllib3's error. */
    CONNECTION_ERROR("app-worker", "requests.exceptions.ConnectionError", 6) {
        @Override
        List<String> lines(Random r, Proc p) {
            int port = 8443;
            return List.of(
                    p.prefix("ERROR", "app.payments") + "charge failed for invoice " + r.nextInt(100000),
                    "Traceback (most recent call last):",
                    "  File \"/srv/app/venv/lib/python3.9/site-packages/urllib3/connection.py\", line 174, in _new_conn",
                    "    conn = connection.create_connection(",
                    "  File \"/srv/app/venv/lib/python3.9/site-packages/urllib3/util/connection.py\", line 95, in create_connection",
                    "    raise err",
                    "ConnectionRefusedError: [Errno 111] Connection refused",
                    "",
                    "During handling of the above exception, another exception occurred:",
                    "",
                    "Traceback (most recent call last):",
                    "  File \"/srv/app/app/payments.py\", line 88, in charge",
                    "    resp = session.post(GATEWAY_URL, json=payload, timeout=5)",
                    "  File \"/srv/app/venv/lib/python3.9/site-packages/requests/adapters.py\", line 519, in send",
                    "    raise ConnectionError(e, request=request)",
                    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='gateway.internal', port=" + port
                            + "): Max retries exceeded with url: /v1/charges/" + r.nextInt(100000) + " (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f" + hex(r, 10) + ">: Failed to establish a new connection: [Errno 111] Connection refused'))");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "app.payments") + "gateway health check failed " + (r.nextInt(3) + 2) + " times in a row";
        }
    },
    /** Dotted type as imported: orm_exc.NoResultFound. */
    NO_RESULT_FOUND("app-web", "orm_exc.NoResultFound", 5) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("ERROR", "app.accounts") + "Traceback (most recent call last):",
                    "  File \"/srv/app/app/accounts.py\", line 57, in load_account",
                    "    return Account.query.filter_by(id=account_id).one()",
                    "  File \"/srv/app/venv/lib/python2.7/site-packages/sqlalchemy/orm/query.py\", line 2822, in one",
                    "    raise orm_exc.NoResultFound(\"No row was found for one()\")",
                    "orm_exc.NoResultFound: No row was found for one()");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("INFO", "app.accounts") + "account " + r.nextInt(99999) + " deleted by admin " + r.nextInt(99);
        }
    },
    /** Bare exception line with no message. */
    QUEUE_EMPTY("app-worker", "queue.Empty", 4) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("ERROR", "app.tasks") + "drain aborted - Traceback (most recent call last):",
                    "  File \"/srv/app/app/tasks.py\", line 131, in drain_queue",
                    "    item = work.get(timeout=" + (r.nextInt(3) + 1) + ")",
                    "  File \"/usr/lib/python3.9/queue.py\", line 178, in get",
                    "    raise Empty",
                    "queue.Empty");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "app.tasks") + "producer heartbeat missed (last seen " + (r.nextInt(40) + 20) + "s ago)";
        }
    },
    /** The exception message continues over indented rows: a JSON body. */
    OAUTH_VALUE_ERROR("app-web", "ValueError", 4) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("ERROR", "app.oauth") + "Traceback (most recent call last):",
                    "  File \"/srv/app/app/oauth.py\", line 203, in refresh_token",
                    "    raise ValueError(\"upstream rejected request: %s\" % body)",
                    "ValueError: upstream rejected request:",
                    "    {",
                    "      \"error\": \"invalid_grant\",",
                    "      \"error_description\": \"Token " + hex(r, 16) + " has been revoked\",",
                    "      \"request_id\": \"" + hex(r, 8) + "-" + hex(r, 4) + "\"",
                    "    }");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("INFO", "app.oauth") + "refreshing token for client " + r.nextInt(500);
        }
    },
    /** The whole traceback in one message, rsyslog's #012 for newlines. */
    REPORT_TYPE_ERROR("app-web", "TypeError", 4) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(String.join("#012",
                    p.prefix("ERROR", "app.reports") + "report " + r.nextInt(900) + " failed",
                    "Traceback (most recent call last):",
                    "  File \"/srv/app/app/reports.py\", line 77, in build_report",
                    "    total = sum_row(row) + row.adjustment",
                    "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'"));
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "app.reports") + "row " + r.nextInt(4000) + " has no adjustment, legacy import?";
        }
    },
    /** The whole traceback in one message with a literal backslash-n. */
    MAILER_ATTRIBUTE_ERROR("app-mailer", "AttributeError", 4) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(String.join("\\n",
                    p.prefix("ERROR", "app.mailer") + "send failed: Traceback (most recent call last):",
                    "  File \"/srv/app/app/mailer.py\", line 33, in send_welcome",
                    "    to = user.profile.email",
                    "AttributeError: 'NoneType' object has no attribute 'email'"));
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("INFO", "app.mailer") + "user " + r.nextInt(99999) + " signed up without a profile";
        }
    },
    /** Python 3.11: position markers under the code line. */
    PRORATE_ZERO_DIVISION("billing", "ZeroDivisionError", 4) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("error", "billing.jobs") + "msg=\"job failed\" Traceback (most recent call last):",
                    "  File \"/opt/billing/billing/jobs.py\", line 41, in run",
                    "    amount = prorate(plan.price, days_used, plan.days)",
                    "             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
                    "  File \"/opt/billing/billing/invoice.py\", line 12, in prorate",
                    "    return price * used / days",
                    "           ~~~~~~~~~~~~~^~~~~~",
                    "ZeroDivisionError: division by zero");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("warning", "billing.plans") + "msg=\"plan " + r.nextInt(40) + " has days=0\"";
        }
    },
    /** Python 3.11 ExceptionGroup from an asyncio TaskGroup. */
    SYNC_EXCEPTION_GROUP("billing", "ExceptionGroup", 3) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("error", "billing.sync") + "msg=\"sync aborted\"",
                    "  + Exception Group Traceback (most recent call last):",
                    "  |   File \"/opt/billing/billing/sync.py\", line 58, in sync_all",
                    "  |     async with asyncio.TaskGroup() as tg:",
                    "  |   File \"/usr/local/lib/python3.11/asyncio/taskgroups.py\", line 147, in __aexit__",
                    "  |     raise me from None",
                    "  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
                    "  +-+---------------- 1 ----------------",
                    "    | Traceback (most recent call last):",
                    "    |   File \"/opt/billing/billing/sync.py\", line 31, in push_invoice",
                    "    |     await client.post(url, json=invoice)",
                    "    | ConnectionResetError: [Errno 104] Connection reset by peer",
                    "    +---------------- 2 ----------------",
                    "    | Traceback (most recent call last):",
                    "    |   File \"/opt/billing/billing/sync.py\", line 44, in push_credit",
                    "    |     async with asyncio.timeout(" + (r.nextInt(20) + 5) + "):",
                    "    | TimeoutError",
                    "    +------------------------------------");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("warning", "billing.sync") + "msg=\"ledger api latency " + (r.nextInt(4000) + 2000) + "ms\"";
        }
    },
    /** Deep recursion with Python's "[Previous line repeated N more times]". */
    TREE_RECURSION("app-worker", "RecursionError", 3) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("ERROR", "app.catalog") + "Traceback (most recent call last):",
                    "  File \"/srv/app/app/catalog.py\", line 19, in rebuild",
                    "    walk(root)",
                    "  File \"/srv/app/app/tree.py\", line 8, in walk",
                    "    walk(child)",
                    "  File \"/srv/app/app/tree.py\", line 8, in walk",
                    "    walk(child)",
                    "  File \"/srv/app/app/tree.py\", line 8, in walk",
                    "    walk(child)",
                    "  [Previous line repeated " + (990 + r.nextInt(8)) + " more times]",
                    "RecursionError: maximum recursion depth exceeded");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "app.catalog") + "category " + r.nextInt(300) + " is its own parent";
        }
    },
    /** OpenStack style: the logger's prefix on every row of the traceback. */
    NOVA_INSTANCE_NOT_FOUND("nova-compute", "InstanceNotFound", 3) {
        @Override
        List<String> lines(Random r, Proc p) {
            String uuid = hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
            return java.util.stream.Stream.of(
                    "Traceback (most recent call last):",
                    "  File \"/usr/lib/python2.7/dist-packages/nova/compute/manager.py\", line 2451, in _shutdown_instance",
                    "    self.driver.destroy(context, instance, network_info)",
                    "  File \"/usr/lib/python2.7/dist-packages/nova/virt/libvirt/driver.py\", line 1042, in destroy",
                    "    self._destroy(instance)",
                    "InstanceNotFound: Instance " + uuid + " could not be found.")
                    .map(line -> p.prefix("TRACE", "nova.compute.manager") + line).toList();
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "nova.compute.manager") + "Instance disappeared during terminate";
        }
    },
    /** A container runtime's prefix on every row, and a direct-cause chain. */
    DB_UNAVAILABLE("docker", "RuntimeError", 4) {
        @Override
        List<String> lines(Random r, Proc p) {
            return java.util.stream.Stream.of(
                    "Traceback (most recent call last):",
                    "  File \"/app/api/db.py\", line 23, in connect",
                    "    return psycopg2.connect(DSN)",
                    "  File \"/usr/local/lib/python3.10/site-packages/psycopg2/__init__.py\", line 122, in connect",
                    "    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)",
                    "psycopg2.OperationalError: could not connect to server: Connection refused",
                    "\tIs the server running on host \"db\" (172.18.0." + (r.nextInt(8) + 2) + ") and accepting",
                    "\tTCP/IP connections on port 5432?",
                    "",
                    "The above exception was the direct cause of the following exception:",
                    "",
                    "Traceback (most recent call last):",
                    "  File \"/app/api/handlers.py\", line 64, in list_orders",
                    "    conn = db.connect()",
                    "  File \"/app/api/db.py\", line 25, in connect",
                    "    raise RuntimeError(\"database unavailable\") from exc",
                    "RuntimeError: database unavailable")
                    .map(line -> "web-1  | " + line).toList();
        }

        @Override
        String why(Random r, Proc p) {
            return "db-1   | LOG:  database system is shut down";
        }
    },
    /** A SyntaxError with its caret, raised through importlib. */
    PLUGIN_SYNTAX_ERROR("app-worker", "SyntaxError", 2) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("ERROR", "app.plugins") + "cannot load plugin custom_rules - Traceback (most recent call last):",
                    "  File \"/srv/app/app/plugins.py\", line 15, in load",
                    "    return importlib.import_module(name)",
                    "  File \"/usr/lib/python3.9/importlib/__init__.py\", line 127, in import_module",
                    "    return _bootstrap._gcd_import(name[level:], package, level)",
                    "  File \"/srv/app/plugins/custom_rules.py\", line 12",
                    "    if rule.enabled",
                    "                   ^",
                    "SyntaxError: invalid syntax");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("INFO", "app.plugins") + "plugin custom_rules updated by deploy " + r.nextInt(900);
        }
    },
    /** vdsm style: File lines at column 0, code lines indented under them. */
    DISK_FULL("storage-agent", "OSError", 3) {
        @Override
        List<String> lines(Random r, Proc p) {
            return List.of(
                    p.prefix("ERROR", "storage.task") + "Unexpected error",
                    "Traceback (most recent call last):",
                    "File \"/usr/share/agent/storage/task.py\", line 857, in _run",
                    "    return fn(*args, **kargs)",
                    "File \"/usr/share/agent/storage/spool.py\", line 210, in write_chunk",
                    "    os.write(fd, chunk)",
                    "OSError: [Errno 28] No space left on device: '/var/lib/agent/spool/" + hex(r, 8) + ".part'");
        }

        @Override
        String why(Random r, Proc p) {
            return p.prefix("WARNING", "storage.monitor") + "/var/lib/agent at " + (96 + r.nextInt(4)) + "% capacity";
        }
    };

    final String program;
    final String exceptionType;
    final int weight;

    SampleBugs(String program, String exceptionType, int weight) {
        this.program = program;
        this.exceptionType = exceptionType;
        this.weight = weight;
    }

    /** The lines the program prints, each of which becomes one row (unless joined by #012 or \n). */
    abstract List<String> lines(Random r, Proc p);

    /** A line of the same process, a little earlier, that says why. */
    abstract String why(Random r, Proc p);

    static String hex(Random r, int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }
}
