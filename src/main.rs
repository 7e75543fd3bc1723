fn main() {
    twente_kaart::start();
}
