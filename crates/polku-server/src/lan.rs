//! The addresses a facilitator may open joining on: this machine's own addresses that phones in
//! the room can reach. Loopback is never offered (a phone cannot reach it), nor link-local IPv6,
//! whose URLs need a zone id that phone browsers do not take.

use std::net::IpAddr;
use std::path::Path;

use serde::Serialize;

/// One address the participant listener could bind, with the interface it belongs to, so the
/// facilitator can tell the Wi-Fi from a cable or a VPN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanCandidate {
    pub interface: String,
    pub ip: IpAddr,
    /// The one the dialog selects first: the room's phones are on the Wi-Fi far more often than
    /// on anything else this machine has.
    pub preselected: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot list this machine's network addresses: {0}")]
pub struct LanListError(#[from] std::io::Error);

/// This machine's addresses a phone on the same network could reach, the preselected one first.
pub fn candidates() -> Result<Vec<LanCandidate>, LanListError> {
    let found = if_addrs::get_if_addrs()?.into_iter().map(|i| (i.name.clone(), i.ip())).collect();
    Ok(choose(found, &SystemHints::read()))
}

/// What the operating system says about which interface is the usual one.
#[derive(Debug, Default)]
pub struct SystemHints {
    pub wireless: Vec<String>,
    pub default_route: Option<String>,
}

impl SystemHints {
    /// Linux tells both through files; elsewhere there are no hints and the first private IPv4
    /// address is preselected.
    pub fn read() -> SystemHints {
        SystemHints { wireless: wireless_interfaces(Path::new("/sys/class/net")), default_route: default_route(Path::new("/proc/net/route")) }
    }
}

fn wireless_interfaces(sys_class_net: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(sys_class_net) else { return Vec::new() };
    let mut names: Vec<String> =
        entries.flatten().filter(|e| e.path().join("wireless").exists()).filter_map(|e| e.file_name().into_string().ok()).collect();
    names.sort();
    names
}

fn default_route(proc_net_route: &Path) -> Option<String> {
    let table = std::fs::read_to_string(proc_net_route).ok()?;
    default_route_in(&table)
}

/// `/proc/net/route`: a header line, then `Iface Destination Gateway Flags …` with the
/// destination in hex; the default route's destination and mask are 0.
fn default_route_in(table: &str) -> Option<String> {
    table.lines().skip(1).find_map(|line| {
        let cols: Vec<&str> = line.split_whitespace().collect();
        (cols.len() > 7 && cols[1] == "00000000" && cols[7] == "00000000").then(|| cols[0].to_string())
    })
}

fn offered(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => !v4.is_loopback() && !v4.is_unspecified() && !v4.is_multicast() && !v4.is_broadcast(),
        // fe80::/10 is link-local.
        IpAddr::V6(v6) => !v6.is_loopback() && !v6.is_unspecified() && !v6.is_multicast() && (v6.segments()[0] & 0xffc0) != 0xfe80,
    }
}

fn private_v4(ip: &IpAddr) -> bool {
    matches!(ip, IpAddr::V4(v4) if v4.is_private())
}

/// Bridges of containers and virtual machines, VPN tunnels: private addresses no phone is on.
fn looks_virtual(interface: &str) -> bool {
    const PREFIXES: [&str; 10] = ["docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "utun"];
    PREFIXES.iter().any(|p| interface.starts_with(p))
}

/// Orders the addresses found and marks one: an IPv4 address of a wireless interface, else of the
/// interface with the default route, else the first private IPv4 address not on a container's or
/// VPN's interface. IPv6 is offered but never preselected: a phone on a room's Wi-Fi has IPv4 far
/// more surely.
pub fn choose(found: Vec<(String, IpAddr)>, hints: &SystemHints) -> Vec<LanCandidate> {
    let mut list: Vec<LanCandidate> = found
        .into_iter()
        .filter(|(_, ip)| offered(ip))
        .map(|(interface, ip)| LanCandidate { interface, ip, preselected: false })
        .collect();
    list.sort_by(|a, b| (a.ip.is_ipv6(), &a.interface, a.ip).cmp(&(b.ip.is_ipv6(), &b.interface, b.ip)));
    list.dedup();
    let rank = |c: &LanCandidate| -> Option<u8> {
        if c.ip.is_ipv6() {
            None
        } else if hints.wireless.contains(&c.interface) {
            Some(0)
        } else if hints.default_route.as_deref() == Some(c.interface.as_str()) {
            Some(1)
        } else if private_v4(&c.ip) && !looks_virtual(&c.interface) {
            Some(2)
        } else {
            Some(3)
        }
    };
    let best = list.iter().enumerate().filter_map(|(i, c)| rank(c).map(|r| (r, i))).min().map(|(_, i)| i);
    if let Some(i) = best {
        list[i].preselected = true;
        let chosen = list.remove(i);
        list.insert(0, chosen);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(pairs: &[(&str, &str)]) -> Vec<(String, IpAddr)> {
        pairs.iter().map(|(n, ip)| (n.to_string(), ip.parse().unwrap())).collect()
    }

    #[test]
    fn loopback_link_local_and_unspecified_are_never_offered() {
        let list = choose(
            found(&[("lo", "127.0.0.1"), ("lo", "::1"), ("eth0", "fe80::1"), ("eth0", "0.0.0.0"), ("eth0", "192.168.1.5")]),
            &SystemHints::default(),
        );
        assert_eq!(list, vec![LanCandidate { interface: "eth0".into(), ip: "192.168.1.5".parse().unwrap(), preselected: true }]);
    }

    #[test]
    fn the_wifi_comes_first_then_the_default_route() {
        let addrs = found(&[("docker0", "172.17.0.1"), ("eth0", "10.0.0.4"), ("wlp2s0", "192.168.1.5"), ("wlp2s0", "fd00::5")]);
        let hints = SystemHints { wireless: vec!["wlp2s0".into()], default_route: Some("eth0".into()) };
        let list = choose(addrs.clone(), &hints);
        assert_eq!((list[0].interface.as_str(), list[0].ip.to_string().as_str()), ("wlp2s0", "192.168.1.5"));
        assert_eq!(list.iter().filter(|c| c.preselected).count(), 1);
        assert_eq!(list.len(), 4);

        let no_wifi = choose(addrs.clone(), &SystemHints { wireless: vec![], default_route: Some("eth0".into()) });
        assert_eq!(no_wifi[0].interface, "eth0");
        let no_hints = choose(addrs, &SystemHints::default());
        assert_eq!(no_hints[0].ip.to_string(), "10.0.0.4", "the first private IPv4 address, not docker's");
    }

    #[test]
    fn ipv6_alone_is_offered_but_not_preselected() {
        let list = choose(found(&[("eth0", "2001:db8::7")]), &SystemHints::default());
        assert_eq!(list.len(), 1);
        assert!(!list[0].preselected);
    }

    #[test]
    fn the_default_route_is_read_from_the_kernel_table() {
        let table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
                     eth0\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n\
                     wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n";
        assert_eq!(default_route_in(table).as_deref(), Some("wlan0"));
        assert_eq!(default_route_in("Iface\tDestination\n"), None);
    }

    #[test]
    fn this_machine_lists_without_loopback() {
        let list = candidates().expect("listing works here");
        assert!(list.iter().all(|c| !c.ip.is_loopback()), "{list:?}");
        assert!(list.iter().filter(|c| c.preselected).count() <= 1);
    }
}
