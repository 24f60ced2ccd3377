package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection with one X.224 Connection Request, answered or not. Maps every way it can
 * go wrong to a {@link Status}; never throws.
 */
final class RdpExchange {

    enum Status {
        /** A well-formed Connection Confirm or Disconnect Request came back. */
        REPLY,
        /** The host closed or reset the connection before answering. */
        CLOSED,
        /** No complete answer came back before the timeout (nothing at all, or a trickle). */
        NO_RESPONSE,
        /** Bytes came back that are not a valid answer (garbage, truncated, absurd length). */
        INVALID,
        /** The TCP connection could not be made (refused, timed out, unreachable): the host was never reached. */
        CONNECT_FAILED
    }

    /**
     * @param socket still open when {@code keepOpen} was asked and the status is REPLY; else null
     */
    record Outcome(int requested, Status status, X224.Reply reply, Socket socket, String detail) {
    }

    private RdpExchange() {
    }

    /**
     * The address to connect to: the one the TCP collector connected to, else the first the DNS collector found,
     * else the host's first address in the order a client tries them.
     */
    static InetAddress address(CollectionContext ctx) throws UnknownHostException {
        String ip = ctx.fact(ProbeSymptoms.CONNECTED_IP);
        if (ip == null) {
            ip = ctx.fact(ProbeSymptoms.DNS_RESOLVED_IP);
        }
        return ip != null ? InetAddress.getByName(ip) : candidates(ctx).get(0);
    }

    /**
     * Every address of the host, in the order a Windows client tries them: the DNS collector's list when there is
     * one (already in that order), else the host's own lookup.
     */
    static List<InetAddress> candidates(CollectionContext ctx) throws UnknownHostException {
        String all = ctx.fact(ProbeSymptoms.DNS_ALL_IPS);
        if (all == null || all.isBlank()) {
            return DnsCollector.connectOrder(InetAddress.getAllByName(ctx.target().host()));
        }
        List<InetAddress> out = new ArrayList<>();
        for (String ip : all.split(",")) {
            out.add(InetAddress.getByName(ip.strip())); // address literals written by the DNS collector: no lookup
        }
        return out;
    }

    static Socket connect(InetAddress address, int port, CollectionContext ctx, long deadline) throws IOException {
        Socket s = ctx.closeOnTimeout(new Socket());
        try {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            s.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE,
                    Math.min(ctx.ioTimeout().toMillis(), left)));
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /** {@link #negotiate(InetAddress, CollectionContext, int, boolean, long)} with one I/O timeout from now. */
    static Outcome negotiate(InetAddress address, CollectionContext ctx, int requested, boolean keepOpen) {
        return negotiate(address, ctx, requested, keepOpen, exchangeDeadline(ctx));
    }

    /** The end of one exchange started now: one I/O timeout, but never past the collector's deadline. */
    static long exchangeDeadline(CollectionContext ctx) {
        return Math.min(ctx.deadlineNanos(), System.nanoTime() + ctx.ioTimeout().toNanos());
    }

    /**
     * Connects and negotiates; connect and answer must both come before {@code deadline}
     * (a System.nanoTime() value).
     */
    static Outcome negotiate(InetAddress address, CollectionContext ctx, int requested, boolean keepOpen, long deadline) {
        Socket s;
        try {
            s = connect(address, ctx.target().port(), ctx, deadline);
        } catch (SocketTimeoutException e) {
            return new Outcome(requested, Status.CONNECT_FAILED, null, null, "TCP connect to "
                    + Addresses.text(address) + " timed out");
        } catch (IOException e) {
            return new Outcome(requested, Status.CONNECT_FAILED, null, null, "TCP connect to "
                    + Addresses.text(address) + " failed: " + e.getMessage());
        }
        boolean close = true;
        Wire wire = null;
        try {
            s.getOutputStream().write(X224.connectionRequest(requested, "rdpdoctor"));
            s.getOutputStream().flush();
            wire = new Wire(s, s.getInputStream(), ctx.ioTimeout(), deadline);
            byte[] frame = X224.readFrame(wire, X224.MAX_CONFIRM_FRAME);
            X224.Reply reply = X224.parseConfirm(frame);
            if (keepOpen && reply.kind() != X224.Reply.Kind.DISCONNECT_REQUEST) {
                close = false;
                return new Outcome(requested, Status.REPLY, reply, s, "");
            }
            return new Outcome(requested, Status.REPLY, reply, null, "");
        } catch (MalformedMessageException e) {
            return new Outcome(requested, Status.INVALID, null, null, e.getMessage());
        } catch (SocketTimeoutException e) {
            long got = wire == null ? 0 : wire.bytesRead();
            return new Outcome(requested, Status.NO_RESPONSE, null, null, got == 0
                    ? "no answer within " + ctx.ioTimeout().toMillis() + " ms"
                    : "answer incomplete after " + got + " bytes within " + ctx.ioTimeout().toMillis() + " ms");
        } catch (EOFException | SocketException e) {
            long got = wire == null ? 0 : wire.bytesRead();
            if (ctx.isExpired()) {
                return new Outcome(requested, Status.NO_RESPONSE, null, null, "collector time is up");
            }
            return got == 0
                    ? new Outcome(requested, Status.CLOSED, null, null, "host closed the connection without answering ("
                        + e.getMessage() + ")")
                    : new Outcome(requested, Status.INVALID, null, null, "truncated answer: connection ended after "
                        + got + " bytes");
        } catch (IOException e) {
            return new Outcome(requested, Status.CLOSED, null, null, e.toString());
        } finally {
            if (close) {
                closeQuietly(s);
            }
        }
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
