//! WebKitGTK's known trouble on Linux, handled before the first window exists.
//!
//! WebKitGTK 2.42+ draws through DMA-BUF buffers shared with the GPU. With NVIDIA's own driver
//! (and on some older Mesa set-ups) that leaves the window blank or white: the app is running
//! but nothing is painted. WebKit's own switch, `WEBKIT_DISABLE_DMABUF_RENDERER=1`, makes it
//! copy frames instead, which costs a little speed and shows the page. We set it only where the
//! trouble is known (NVIDIA's driver is loaded), so other machines keep the faster path; anyone
//! may set the variable themselves either way (README, "If the window stays blank"), and their
//! setting wins.

const SWITCH: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
/// Present exactly when NVIDIA's proprietary kernel module is loaded.
const NVIDIA_DRIVER: &str = "/proc/driver/nvidia/version";

/// Runs before any thread starts (the environment is not safe to change after that).
pub fn prepare() {
    if cfg!(target_os = "linux")
        && std::env::var_os(SWITCH).is_none()
        && std::path::Path::new(NVIDIA_DRIVER).exists()
    {
        std::env::set_var(SWITCH, "1");
    }
}
