import { render } from "preact";

render(<h1>Mailvet docs</h1>, document.getElementById("app")!);
