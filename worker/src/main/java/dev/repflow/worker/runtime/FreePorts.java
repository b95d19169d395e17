package dev.repflow.worker.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for servers that cannot bind port 0 and report the real port. */
final class FreePorts {
  private FreePorts() {}

  /**
   * A port free right now. Another process could take it before the caller binds it; that race is
   * acceptable for a dev server and tests.
   */
  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }
}
