//! The widget's components, one per file, named for what the user sees.

pub mod error_banner;
pub mod item_card;
pub mod kiosk_overlay;
pub mod kiosk_tabs;
pub mod language_switch;
pub mod layer_toggle;
pub mod legend;
pub mod list_view;
pub mod map_preview;
pub mod marker_layer;
pub mod municipality_panel;
pub mod municipality_shape;
pub mod qr_code;
pub mod side_panel;
pub mod twente_map;
pub mod widget_footer;
pub mod widget_header;
