// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets listening in a set of processes, read from Linux's {@code /proc}: the sockets
 * each process holds ({@code /proc/PID/fd}) matched with the kernel's table of listening ones
 * ({@code /proc/net/tcp}, {@code /proc/net/tcp6}).
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** What this JVM and every process it started listen on. */
    static List<InetSocketAddress> ofThisProcessAndItsChildren() {
        Set<String> inodes = new HashSet<>();
        Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .forEach(process -> inodes.addAll(socketInodes(process.pid())));
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String row : lines(Path.of(table)).stream().skip(1).toList()) {
                String[] columns = row.trim().split("\\s+");
                if (columns[3].equals(LISTEN) && inodes.contains(columns[9])) {
                    listening.add(address(columns[1]));
                }
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // a descriptor closed while we looked holds nothing
                }
            }
        } catch (NoSuchFileException exitedMeanwhile) {
            // a process that ended while we looked listens on nothing
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /**
     * Reads {@code 0100007F:1F90}: the address as the kernel keeps it (each 32-bit word in the
     * machine's byte order, little-endian here), then the port.
     */
    static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        byte[] kernelOrder = HexFormat.of().parseHex(parts[0]);
        byte[] address = new byte[kernelOrder.length];
        for (int word = 0; word < kernelOrder.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = kernelOrder[word + 3 - i];
            }
        }
        try {
            return new InetSocketAddress(
                    InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException noIpv6) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
