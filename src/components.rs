//! The widget's components, one per file, named for what the user sees.

pub mod care_layer;
pub mod category_symbol;
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
pub mod partner_chooser;
pub mod plan_layer;
pub mod plan_panel;
pub mod plan_results;
pub mod qr_code;
pub mod region_map;
pub mod side_panel;
pub mod story_card;
pub mod widget_footer;
pub mod widget_header;
