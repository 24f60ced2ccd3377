package io.github.rdpdoctor.collectors.network;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A misbehaving "RDP server" on 127.0.0.1: each accepted connection runs a script on its own
 * daemon thread. Closing the server closes every connection.
 */
final class ScriptedServer implements AutoCloseable {

    interface Script {
        void run(Socket s) throws Exception;
    }

    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    ScriptedServer(Script script) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                clients.add(s);
                connections.incrementAndGet();
                Thread t = new Thread(() -> {
                    try {
                        script.run(s);
                    } catch (IOException e) {
                        // the probe closed first: expected
                    } catch (Exception | Error e) {
                        errors.add(e);
                    } finally {
                        try {
                            s.close();
                        } catch (IOException ignored) {
                            // closing
                        }
                    }
                }, "scripted-connection");
                t.setDaemon(true);
                t.start();
            }
        }, "scripted-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<Throwable> errors() {
        return errors;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }

    // ---- script helpers ----

    /** Reads one TPKT frame (the Connection Request) and returns its requestedProtocols (or -1). */
    static int readRequest(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] h = in.readNBytes(4);
        if (h.length < 4) {
            throw new EOFException();
        }
        int len = ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        byte[] rest = in.readNBytes(len - 4);
        if (rest.length < 8) {
            return -1;
        }
        int p = rest.length - 4;
        return (rest[p] & 0xFF) | ((rest[p + 1] & 0xFF) << 8);
    }

    /** Connection Confirm with RDP_NEG_RSP. */
    static byte[] selected(int protocol) {
        return new byte[] {3, 0, 0, 19, 14, (byte) 0xD0, 0, 0, 0x12, 0x34, 0, 2, 0, 8, 0, (byte) protocol, 0, 0, 0};
    }

    /** Connection Confirm with RDP_NEG_FAILURE. */
    static byte[] failure(int code) {
        return new byte[] {3, 0, 0, 19, 14, (byte) 0xD0, 0, 0, 0x12, 0x34, 0, 3, 0, 8, 0, (byte) code, 0, 0, 0};
    }

    static void send(Socket s, byte[] b) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(b);
        out.flush();
    }

    /** One byte at a time, {@code delayMs} apart. */
    static void trickle(Socket s, byte[] b, long delayMs) throws IOException, InterruptedException {
        OutputStream out = s.getOutputStream();
        for (byte x : b) {
            out.write(x);
            out.flush();
            Thread.sleep(delayMs);
        }
    }

    /** Closes with RST instead of FIN. */
    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** Blocks until the peer closes (or the server is closed). */
    static void drain(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    /** A server-side TLS context with a throwaway RSA key made by the JDK's keytool. */
    static SSLContext serverTls(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        if (!Files.exists(ks)) {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            RealServers.Result r = RealServers.run(java.time.Duration.ofSeconds(60), java.util.Map.of(), dir,
                    keytool, "-genkeypair", "-alias", "rdp", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=scripted.test", "-validity", "30", "-storetype", "PKCS12",
                    "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit");
            if (r.exitCode() != 0) {
                throw new IllegalStateException("keytool failed: " + r.output());
            }
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** The SHA-1 thumbprint (Windows' form) of the certificate {@link #serverTls(Path)} made in {@code dir}. */
    static String serverThumbprint(Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            store.load(in, "changeit".toCharArray());
        }
        byte[] der = store.getCertificate("rdp").getEncoded();
        return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(der));
    }

    /** Server side of TLS on an accepted socket. */
    static SSLSocket acceptTls(SSLContext ctx, Socket s) throws IOException {
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(s, null, true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        return ssl;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
