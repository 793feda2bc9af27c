// Check-in page: read QR codes with the phone's camera (jsQR, vendored) and submit the ticket's token.
// Without a camera or JavaScript the page still works: paste the code or find the name.
const form = document.querySelector("[data-checkin-scanner]");

function start(form) {
  const video = form.querySelector("[data-video]");
  const status = form.querySelector("[data-camera-status]");
  const input = form.querySelector("[data-token]");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  form.querySelector("[data-camera]").hidden = false;
  navigator.mediaDevices
    .getUserMedia({ video: { facingMode: "environment" }, audio: false })
    .then((stream) => {
      video.srcObject = stream;
      video.play();
      const tick = () => {
        if (video.readyState === video.HAVE_ENOUGH_DATA) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
          if (code && code.data) {
            stream.getTracks().forEach((track) => track.stop());
            input.value = code.data;
            form.submit();
            return;
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })
    .catch(() => {
      status.textContent = form.dataset.cameraError || "";
    });
}

if (form && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
  const button = form.querySelector("[data-start-camera]");
  button.hidden = false;
  button.addEventListener("click", () => {
    if (window.jsQR) {
      button.hidden = true;
      start(form);
    }
  });
}
