package io.latchkey.consent.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The few static files of the pages: the favicon and {@code /static/...} (the stylesheet, the optional local-time
 * script). A fixed list read once from the class path; any other name is a 404 page.
 */
@Path("/")
public class StaticAssetsResource {

    private static final Map<String, String> TYPES = Map.of(
            "favicon.svg", "image/svg+xml",
            "latchkey.css", "text/css; charset=utf-8",
            "local-time.js", "text/javascript; charset=utf-8");

    private static final Map<String, byte[]> FILES = Map.of(
            "favicon.svg", read("favicon.svg"),
            "latchkey.css", read("latchkey.css"),
            "local-time.js", read("local-time.js"));

    @GET
    @Path("favicon.ico")
    public Response favicon() {
        return file("favicon.svg");
    }

    @GET
    @Path("static/{name}")
    public Response asset(@PathParam("name") String name) {
        if (!FILES.containsKey(name)) {
            return Pages.message(404, "Not found", "There is no such page.");
        }
        return file(name);
    }

    private static Response file(String name) {
        return Response.ok(FILES.get(name), TYPES.get(name)).build();
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssetsResource.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing static/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
