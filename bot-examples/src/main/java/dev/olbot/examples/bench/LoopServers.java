package dev.olbot.examples.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/**
 * A comparison route served the way {@code IngressServer} serves OLBot's: one server per event loop
 * on one free port of 127.0.0.1, so a benchmark compares like with like.
 */
final class LoopServers {

    private LoopServers() {}

    /** Deploys {@code loops} servers of {@code router} on one free port; completes with that port. */
    static Future<Integer> listen(Vertx vertx, int loops, Function<Vertx, Router> router) {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // servers on port 0 would each get their own port: all listen on this one
        } catch (java.io.IOException e) {
            return Future.failedFuture(e);
        }
        return vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer().requestHandler(router.apply(vertx)).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(loops)).map(id -> port);
    }
}
