//! WebKitGTK's known trouble on Linux, handled before the first window exists. Each switch is
//! WebKit's own environment variable; anyone may set it themselves either way (README, "If the
//! window stays blank"), and their setting wins.
//!
//! - Blank windows. WebKitGTK 2.42+ draws through DMA-BUF buffers shared with the GPU. With
//!   NVIDIA's own driver (and on some older Mesa set-ups) that leaves the window blank or white:
//!   the app is running but nothing is painted. `WEBKIT_DISABLE_DMABUF_RENDERER=1` makes WebKit
//!   copy frames instead, which costs a little speed and shows the page. Set only where the
//!   trouble is known (NVIDIA's driver is loaded), so other machines keep the faster path.
//! - No GPU (virtual desktops, remote sessions, old laptops without a render node). WebKit then
//!   composites and paints through Mesa's software OpenGL, which compiles a shader with LLVM for
//!   every new kind of drawing (the board stalled for up to half a second while panning) and
//!   sends every frame through two rounds of software GL. Without compositing
//!   (`WEBKIT_DISABLE_COMPOSITING_MODE=1`) it paints with the processor straight into the window's
//!   buffer: the board's pan p95 went from 40 to about 19 ms, and the window from 387 to 255 MiB
//!   (docs/ARCHITECTURE.md, "Packages", has the figures). What is lost is only 3D in CSS: a
//!   revealed card's turn is drawn flat.

const DMABUF_SWITCH: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
const COMPOSITING_SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// Present exactly when NVIDIA's proprietary kernel module is loaded.
const NVIDIA_DRIVER: &str = "/proc/driver/nvidia/version";
/// Where the kernel lists GPUs; a `renderD*` node is one that can draw.
const DRI_DIR: &str = "/dev/dri";

/// What this machine has, as far as the switches care.
struct Machine {
    nvidia_driver: bool,
    render_node: bool,
}

impl Machine {
    fn read() -> Machine {
        let render_node = std::fs::read_dir(DRI_DIR)
            .map(|dir| dir.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
            .unwrap_or(false);
        Machine { nvidia_driver: std::path::Path::new(NVIDIA_DRIVER).exists(), render_node }
    }

    /// The switches this machine needs, before the user's own settings are taken into account.
    fn switches(&self) -> Vec<&'static str> {
        let mut on = Vec::new();
        if self.nvidia_driver {
            on.push(DMABUF_SWITCH);
        }
        if !self.render_node {
            on.push(COMPOSITING_SWITCH);
        }
        on
    }
}

/// Runs before any thread starts (the environment is not safe to change after that).
pub fn prepare() {
    if !cfg!(target_os = "linux") {
        return;
    }
    for switch in Machine::read().switches() {
        if std::env::var_os(switch).is_none() {
            std::env::set_var(switch, "1");
        }
    }
}

